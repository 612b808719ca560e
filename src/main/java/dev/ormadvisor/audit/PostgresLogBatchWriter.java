package dev.ormadvisor.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch as one statement, committed on its own: one round trip to PostgreSQL per batch where a statement per
 * table takes seven (and each a switch between this process and a PostgreSQL backend). Replicas each commit
 * smaller batches than one instance would, so what a batch costs whatever its size is what limits a fleet. Every
 * row comes from arrays, one per column; every insert happens only if the log's row moved, and PostgreSQL runs a
 * statement's parts all or none.
 */
final class PostgresLogBatchWriter implements LogBatch.Writer {

    /**
     * {@code seq} numbers are taken in one call and given to the records in their order in the log. They are drawn
     * once per record id rather than from {@code generate_series(1, ?)}: PostgreSQL estimates that at 1,000 rows when
     * it cannot see the parameter, so the plan it would keep for the prepared statement looked far dearer than one
     * made for each batch, and every batch was planned again: 0.7 ms of the server's CPU per batch, where a
     * replica's batch holds about three answers.
     */
    private static final String APPEND = """
            WITH moved AS (
                UPDATE audit_log SET tree_size = ?, checkpoint = ?, verifier_key = ?
                WHERE id = ? AND tree_size = ?
                RETURNING id),
            seqs AS (
                SELECT row_number() OVER (ORDER BY seq) AS n, seq
                FROM (SELECT nextval('audit_evaluation_seq') AS seq FROM unnest(?::varchar[]) AS records) numbers
                WHERE EXISTS (SELECT FROM moved)),
            evaluations AS (
                INSERT INTO audit_evaluation (seq, id, evaluated_at_us, label, choice, confidence, rules_version,
                    duration_us, facts, answer, log_id, log_index, trace_id)
                SELECT seqs.seq, e.id, e.evaluated_at_us, e.label, e.choice, e.confidence, e.rules_version,
                    e.duration_us, e.facts, e.answer, moved.id, e.log_index, e.trace_id
                FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                    ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::varchar[]) WITH ORDINALITY
                    AS e(id, evaluated_at_us, label, choice, confidence, rules_version, duration_us, facts, answer,
                        log_index, trace_id, n)
                JOIN seqs USING (n) CROSS JOIN moved),
            statements AS (
                INSERT INTO audit_statement (statement_key, evaluation_seq)
                SELECT s.statement_key, seqs.seq
                FROM unnest(?::varchar[], ?::bigint[]) AS s(statement_key, n) JOIN seqs USING (n)),
            fired_rules AS (
                INSERT INTO audit_fired_rule (evaluation_seq, position, rule_name)
                SELECT seqs.seq, f.position, f.rule_name
                FROM unnest(?::bigint[], ?::int[], ?::varchar[]) AS f(n, position, rule_name) JOIN seqs USING (n)),
            nodes AS (
                INSERT INTO audit_tree_node (log_id, tree_level, tree_index, hash)
                SELECT moved.id, t.tree_level, t.tree_index, t.hash
                FROM unnest(?::int[], ?::bigint[], ?::varchar[]) AS t(tree_level, tree_index, hash) CROSS JOIN moved),
            rule_sets AS (
                INSERT INTO rule_set_snapshot (version, first_served_at_us, files)
                SELECT r.version, r.first_served_at_us, r.files
                FROM unnest(?::varchar[], ?::bigint[], ?::text[]) AS r(version, first_served_at_us, files)
                WHERE EXISTS (SELECT FROM moved)
                ON CONFLICT (version) DO NOTHING)
            SELECT count(*) FROM moved""";

    private final JdbcTemplate jdbc;

    PostgresLogBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean write(LogBatch batch) {
        int records = batch.records().size();
        String[] ids = new String[records];
        long[] evaluatedAt = new long[records];
        String[] labels = new String[records];
        String[] choices = new String[records];
        String[] confidences = new String[records];
        String[] rulesVersions = new String[records];
        long[] durations = new long[records];
        String[] facts = new String[records];
        String[] answers = new String[records];
        long[] logIndexes = new long[records];
        String[] traceIds = new String[records];
        List<String> statementKeys = new ArrayList<>();
        List<Long> statementRecords = new ArrayList<>();
        List<Long> firedRecords = new ArrayList<>();
        List<Integer> firedPositions = new ArrayList<>();
        List<String> firedNames = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            PendingAppend record = batch.records().get(i);
            AuditEntry entry = record.entry();
            ids[i] = entry.id();
            evaluatedAt[i] = entry.evaluatedAtMicros();
            labels[i] = entry.label();
            choices[i] = entry.choice();
            confidences[i] = entry.confidence();
            rulesVersions[i] = entry.rulesVersion();
            durations[i] = entry.durationMicros();
            facts[i] = entry.facts();
            answers[i] = entry.answer();
            logIndexes[i] = batch.sizeBefore() + i;
            traceIds[i] = record.traceId();
            long n = i + 1L;
            for (String key : record.statements()) {
                statementKeys.add(key);
                statementRecords.add(n);
            }
            for (int position = 0; position < record.firedRules().size(); position++) {
                firedRecords.add(n);
                firedPositions.add(position);
                firedNames.add(record.firedRules().get(position));
            }
        }
        Long moved = jdbc.queryForObject(APPEND, Long.class,
                batch.sizeAfter(), batch.checkpoint(), batch.verifierKey(), batch.logId(), batch.sizeBefore(),
                ids,
                ids, evaluatedAt, labels, choices, confidences, rulesVersions, durations, facts, answers, logIndexes,
                traceIds,
                statementKeys.toArray(String[]::new), longs(statementRecords),
                longs(firedRecords), firedPositions.stream().mapToInt(Integer::intValue).toArray(),
                firedNames.toArray(String[]::new),
                batch.nodes().stream().mapToInt(node -> node.level()).toArray(),
                batch.nodes().stream().mapToLong(node -> node.index()).toArray(),
                batch.nodes().stream().map(node -> TreeNodes.stored(node.hash())).toArray(String[]::new),
                batch.newRuleSets().stream().map(LogBatch.FirstServed::version).toArray(String[]::new),
                batch.newRuleSets().stream().mapToLong(LogBatch.FirstServed::atMicros).toArray(),
                batch.newRuleSets().stream().map(LogBatch.FirstServed::files).toArray(String[]::new));
        return moved != null && moved == 1;
    }

    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
