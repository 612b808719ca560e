package dev.ormadvisor.audit;

import java.time.Instant;

/** A stored evaluation as replay needs it: the request body and the answer exactly as they were exchanged. */
record StoredEvaluation(long seq, String id, Instant evaluatedAt, String rulesVersion, String facts, String answer) {
}
