package dev.ormadvisor.web;

import dev.ormadvisor.audit.EvaluationFilter;

/** The body of {@code POST /api/v1/replay}: the filters of the evaluation list, and at most how many to replay. */
record ReplayRequest(String statement, String choice, String rulesVersion, String label, String from, String to,
        Integer limit) {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    /** No body at all replays the newest evaluations, as an empty object does. */
    static final ReplayRequest EVERYTHING = new ReplayRequest(null, null, null, null, null, null, null);

    EvaluationFilter filter() {
        return AuditParameters.filter(statement, choice, rulesVersion, label, from, to);
    }

    int effectiveLimit() {
        return AuditParameters.within("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }
}
