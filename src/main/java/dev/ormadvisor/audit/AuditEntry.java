package dev.ormadvisor.audit;

/**
 * One audit record as stored; every field is covered by the chain hash. {@code seq} is its place in the chain
 * (0 until the writer appends it).
 */
record AuditEntry(long seq, String id, long evaluatedAtMicros, String label, String choice, String confidence,
        String rulesVersion, long durationMicros, String facts, String answer) {

    AuditEntry at(long position) {
        return new AuditEntry(position, id, evaluatedAtMicros, label, choice, confidence, rulesVersion,
                durationMicros, facts, answer);
    }
}
