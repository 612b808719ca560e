package dev.ormadvisor.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause over {@code audit_evaluation e}. The SQL text is fixed per criterion and every value is a bind
 * parameter, so nothing a client sends becomes SQL; the text is the same on SQLite and PostgreSQL.
 */
record Where(List<String> conditions, List<Object> args) {

    Where {
        conditions = List.copyOf(conditions);
        args = List.copyOf(args);
    }

    static Where of(EvaluationFilter filter) {
        Where where = new Where(List.of(), List.of());
        if (filter.statement() != null) {
            // A range of audit_statement's primary key, not a probe per evaluation: COUNT(*) stays fast for keys
            // that fired in half of all evaluations.
            where = where.and("e.seq IN (SELECT s.evaluation_seq FROM audit_statement s WHERE s.statement_key = ?)",
                    filter.statement());
        }
        if (filter.choice() != null) {
            where = where.and("e.choice = ?", filter.choice().name());
        }
        if (filter.rulesVersion() != null) {
            where = where.and("e.rules_version = ?", filter.rulesVersion());
        }
        if (filter.label() != null) {
            where = where.and("e.label = ?", filter.label());
        }
        if (filter.from() != null) {
            where = where.and("e.evaluated_at_us >= ?", EpochMicros.of(filter.from()));
        }
        if (filter.to() != null) {
            where = where.and("e.evaluated_at_us < ?", EpochMicros.of(filter.to()));
        }
        return where;
    }

    Where and(String condition, Object arg) {
        List<String> moreConditions = new ArrayList<>(conditions);
        moreConditions.add(condition);
        List<Object> moreArgs = new ArrayList<>(args);
        moreArgs.add(arg);
        return new Where(moreConditions, moreArgs);
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The bind values of the clause, followed by those of whatever SQL comes after it (LIMIT, OFFSET). */
    Object[] argsThen(Object... after) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(after));
        return all.toArray();
    }
}
