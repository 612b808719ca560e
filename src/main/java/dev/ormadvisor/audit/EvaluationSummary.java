package dev.ormadvisor.audit;

import java.time.Instant;

/**
 * One line of the evaluation list; the whole record is {@link AuditLog#evaluation(String)}. {@code log} and
 * {@code index} place it in the audit logs; {@code leafMatches} says whether its stored fields still hash to the
 * leaf hash stored when it was written (a quick look: {@code GET /api/v1/audit/verify} checks the signed trees).
 */
public record EvaluationSummary(String id, Instant evaluatedAt, String label, String choice, String confidence,
        String rulesVersion, String log, Long index, boolean leafMatches) {
}
