package dev.ormadvisor.audit;

import dev.ormadvisor.engine.RuleDefinition;
import dev.ormadvisor.transparency.MerkleHash;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads the audit trail: single evaluations, filtered pages of them, rule set snapshots and rule coverage. */
public final class AuditLog {

    /** Keyset pages for walks over many records, so no walk holds more than this many rows at once. */
    static final int WALK_PAGE = 500;

    private static final String SUMMARY_COLUMNS = "SELECT e.seq, e.id, e.evaluated_at_us, e.label, e.choice,"
            + " e.confidence, e.rules_version, e.duration_us, e.facts, e.answer, e.log_id, e.log_index, n.hash"
            + " FROM audit_evaluation e LEFT JOIN audit_tree_node n"
            + " ON n.log_id = e.log_id AND n.tree_level = 0 AND n.tree_index = e.log_index";
    private static final String STORED_COLUMNS =
            "SELECT e.seq, e.id, e.evaluated_at_us, e.rules_version, e.facts, e.answer FROM audit_evaluation e";

    private static final RowMapper<EvaluationSummary> SUMMARY = (rs, row) -> {
        AuditEntry entry = TransparencyLogs.ENTRY.mapRow(rs, row);
        String storedLeaf = rs.getString("hash");
        boolean leafMatches = storedLeaf != null
                && HexFormat.of().formatHex(MerkleHash.leaf(AuditLeaf.bytes(entry))).equals(storedLeaf);
        return new EvaluationSummary(entry.id(), EpochMicros.toInstant(entry.evaluatedAtMicros()), entry.label(),
                entry.choice(), entry.confidence(), entry.rulesVersion(), rs.getString("log_id"),
                rs.getObject("log_index") == null ? null : rs.getLong("log_index"), leafMatches);
    };
    private static final RowMapper<StoredEvaluation> STORED = (rs, row) -> new StoredEvaluation(rs.getLong(1),
            rs.getString(2), EpochMicros.toInstant(rs.getLong(3)), rs.getString(4), rs.getString(5), rs.getString(6));

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditLog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The stored answer, field for field as it was sent, plus {@code facts} (the request body as the client sent
     * it), {@code durationMicros}, its place in the audit logs: {@code log} and {@code index}, and {@code traceId}:
     * the W3C trace id of the request that asked, null for records written before trace ids were kept.
     */
    public Optional<ObjectNode> evaluation(String id) {
        return jdbc.query("SELECT answer, facts, duration_us, log_id, log_index, trace_id FROM audit_evaluation"
                + " WHERE id = ?", rs -> {
            if (!rs.next()) {
                return Optional.<ObjectNode>empty();
            }
            ObjectNode stored = (ObjectNode) json.readTree(rs.getString(1));
            stored.set("facts", json.readTree(rs.getString(2)));
            stored.put("durationMicros", rs.getLong(3));
            if (rs.getString(4) != null) {
                stored.put("log", rs.getString(4));
                stored.put("index", rs.getLong(5));
            }
            stored.put("traceId", rs.getString(6));
            return Optional.of(stored);
        }, id);
    }

    /** Newest first; {@code page} is 0-based. */
    public EvaluationPage search(EvaluationFilter filter, int page, int size) {
        Where where = Where.of(filter);
        List<EvaluationSummary> items = jdbc.query(SUMMARY_COLUMNS + where.sql()
                + " ORDER BY e.seq DESC LIMIT ? OFFSET ?", SUMMARY, where.argsThen(size, (long) page * size));
        return new EvaluationPage(items, page, size, count(where));
    }

    public Optional<RuleSetSnapshot> ruleSet(String version) {
        return jdbc.query("SELECT first_served_at_us, files FROM rule_set_snapshot WHERE version = ?", rs -> {
            if (!rs.next()) {
                return Optional.<RuleSetSnapshot>empty();
            }
            Map<String, String> byPath = new TreeMap<>();
            json.readTree(rs.getString(2)).properties()
                    .forEach(file -> byPath.put(file.getKey(), file.getValue().asString()));
            return Optional.of(new RuleSetSnapshot(version, EpochMicros.toInstant(rs.getLong(1)),
                    byPath.entrySet().stream().map(file -> new RuleSetSnapshot.RuleFile(file.getKey(), file.getValue()))
                            .toList()));
        }, version);
    }

    /**
     * How often each of {@code rules} fired in the window. Rules are matched by name, so a rule of an older version
     * that kept its name counts for the current one.
     */
    public RuleCoverage coverage(List<RuleDefinition> rules, EvaluationFilter window) {
        Where where = Where.of(window);
        Map<String, Long> evaluationsByRule = new HashMap<>();
        // DISTINCT: a rule that fired twice in one evaluation still covers one evaluation.
        jdbc.query("SELECT f.rule_name, COUNT(DISTINCT f.evaluation_seq) FROM audit_fired_rule f"
                + " JOIN audit_evaluation e ON e.seq = f.evaluation_seq" + where.sql() + " GROUP BY f.rule_name",
                rs -> {
                    evaluationsByRule.put(rs.getString(1), rs.getLong(2));
                }, where.argsThen());
        List<RuleCoverage.RuleUse> uses = rules.stream().map(rule -> new RuleCoverage.RuleUse(rule.name(), rule.file(),
                rule.line(), rule.kind(), rule.statements(), evaluationsByRule.getOrDefault(rule.name(), 0L))).toList();
        return new RuleCoverage(window.from(), window.to(), count(where), uses,
                uses.stream().filter(use -> use.evaluations() == 0).map(RuleCoverage.RuleUse::name).toList());
    }

    /** Newest first, at most {@code limit}, read in keyset pages by seq rather than through one long cursor. */
    void forEachMatching(EvaluationFilter filter, int limit, Consumer<StoredEvaluation> action) {
        Where where = Where.of(filter);
        long before = Long.MAX_VALUE;
        int left = limit;
        while (left > 0) {
            int wanted = Math.min(left, WALK_PAGE);
            Where page = where.and("e.seq < ?", before);
            List<StoredEvaluation> rows = jdbc.query(STORED_COLUMNS + page.sql() + " ORDER BY e.seq DESC LIMIT ?",
                    STORED, page.argsThen(wanted));
            rows.forEach(action);
            if (rows.size() < wanted) {
                return;
            }
            left -= rows.size();
            before = rows.get(rows.size() - 1).seq();
        }
    }

    private long count(Where where) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation e" + where.sql(), Long.class,
                where.argsThen());
        return total == null ? 0 : total;
    }
}
