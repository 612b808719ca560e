package dev.ormadvisor.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch as a transaction of one statement per table. SQLite runs in the process, so a statement costs no round
 * trip; and its one writer holds the database's write lock from a transaction's first write, so the next seq
 * numbers follow the largest one, read under that lock.
 */
final class SqliteLogBatchWriter implements LogBatch.Writer {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TreeNodes nodes;

    SqliteLogBatchWriter(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.nodes = new TreeNodes(jdbc);
    }

    @Override
    public boolean write(LogBatch batch) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (jdbc.update("UPDATE audit_log SET tree_size = ?, checkpoint = ?, verifier_key = ?"
                    + " WHERE id = ? AND tree_size = ?", batch.sizeAfter(), batch.checkpoint(), batch.verifierKey(),
                    batch.logId(), batch.sizeBefore()) != 1) {
                return false;
            }
            long last = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_evaluation", Long.class);
            List<Object[]> evaluations = new ArrayList<>();
            List<Object[]> statements = new ArrayList<>();
            List<Object[]> firedRules = new ArrayList<>();
            for (int i = 0; i < batch.records().size(); i++) {
                PendingAppend record = batch.records().get(i);
                AuditEntry entry = record.entry();
                long seq = last + 1 + i;
                evaluations.add(new Object[] {seq, entry.id(), entry.evaluatedAtMicros(), entry.label(),
                        entry.choice(), entry.confidence(), entry.rulesVersion(), entry.durationMicros(),
                        entry.facts(), entry.answer(), batch.logId(), batch.sizeBefore() + i, record.traceId()});
                for (String key : record.statements()) {
                    statements.add(new Object[] {key, seq});
                }
                for (int position = 0; position < record.firedRules().size(); position++) {
                    firedRules.add(new Object[] {seq, position, record.firedRules().get(position)});
                }
            }
            jdbc.batchUpdate("""
                    INSERT INTO audit_evaluation (seq, id, evaluated_at_us, label, choice, confidence, rules_version,
                        duration_us, facts, answer, log_id, log_index, trace_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", evaluations);
            nodes.insert(batch.logId(), batch.nodes());
            jdbc.batchUpdate("INSERT INTO audit_statement (statement_key, evaluation_seq) VALUES (?, ?)", statements);
            jdbc.batchUpdate("INSERT INTO audit_fired_rule (evaluation_seq, position, rule_name) VALUES (?, ?, ?)",
                    firedRules);
            for (LogBatch.FirstServed ruleSet : batch.newRuleSets()) {
                jdbc.update("INSERT INTO rule_set_snapshot (version, first_served_at_us, files) VALUES (?, ?, ?)"
                        + " ON CONFLICT (version) DO NOTHING", ruleSet.version(), ruleSet.atMicros(), ruleSet.files());
            }
            return true;
        }));
    }
}
