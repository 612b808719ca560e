package dev.ormadvisor.audit;

import java.time.Instant;

/** One line of the evaluation list; the whole record is {@link AuditLog#evaluation(String)}. */
public record EvaluationSummary(String id, Instant evaluatedAt, String label, String choice, String confidence,
        String rulesVersion) {
}
