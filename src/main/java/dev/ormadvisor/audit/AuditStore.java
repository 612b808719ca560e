package dev.ormadvisor.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Appends batches of evaluations to the chained log, in one transaction per batch. */
final class AuditStore {

    private static final String INSERT_EVALUATION = """
            INSERT INTO audit_evaluation (seq, id, evaluated_at_us, label, choice, confidence, rules_version,
                duration_us, facts, answer, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SNAPSHOT_ONCE = """
            INSERT INTO rule_set_snapshot (version, first_served_at_us, files)
            SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rule_set_snapshot WHERE version = ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Set<String> snapshotted = ConcurrentHashMap.newKeySet();

    AuditStore(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Appends the batch after the current end of the chain; all or nothing. */
    void append(List<PendingAppend> batch) {
        Map<String, PendingAppend> newVersions = new LinkedHashMap<>();
        transactions.executeWithoutResult(status -> {
            // Locks the chain head first (a row lock on PostgreSQL, the write lock on SQLite), so appends from
            // several writers are serialized and the chain never forks. Everything after it reads under the lock:
            // at READ COMMITTED each statement sees what committed before it started, so the head read next is
            // the previous holder's, and the snapshot insert-once below sees any snapshot another instance wrote
            // (each instance's `snapshotted` only ever skips versions the database already holds).
            jdbc.update("UPDATE audit_chain_head SET last_seq = last_seq WHERE id = 1");
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
            long seq = ((Number) head.get("last_seq")).longValue();
            String hash = (String) head.get("last_hash");
            List<Object[]> evaluations = new ArrayList<>();
            List<Object[]> statements = new ArrayList<>();
            List<Object[]> firedRules = new ArrayList<>();
            for (PendingAppend pending : batch) {
                seq++;
                AuditEntry entry = pending.entry().at(seq);
                String previous = hash;
                hash = ChainHash.of(previous, entry);
                evaluations.add(new Object[] {entry.seq(), entry.id(), entry.evaluatedAtMicros(), entry.label(),
                        entry.choice(), entry.confidence(), entry.rulesVersion(), entry.durationMicros(),
                        entry.facts(), entry.answer(), previous, hash});
                for (String key : pending.statements()) {
                    statements.add(new Object[] {key, entry.seq()});
                }
                for (int position = 0; position < pending.firedRules().size(); position++) {
                    firedRules.add(new Object[] {entry.seq(), position, pending.firedRules().get(position)});
                }
                if (!snapshotted.contains(entry.rulesVersion())) {
                    newVersions.putIfAbsent(entry.rulesVersion(), pending);
                }
            }
            jdbc.batchUpdate(INSERT_EVALUATION, evaluations);
            jdbc.batchUpdate("INSERT INTO audit_statement (statement_key, evaluation_seq) VALUES (?, ?)", statements);
            jdbc.batchUpdate("INSERT INTO audit_fired_rule (evaluation_seq, position, rule_name) VALUES (?, ?, ?)",
                    firedRules);
            newVersions.forEach((version, first) -> jdbc.update(INSERT_SNAPSHOT_ONCE, version,
                    first.entry().evaluatedAtMicros(), json.writeValueAsString(first.rules().files()), version));
            jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
        });
        snapshotted.addAll(newVersions.keySet());
    }
}
