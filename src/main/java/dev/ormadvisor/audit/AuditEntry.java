package dev.ormadvisor.audit;

/**
 * One audit record as stored; every field but {@code seq} is in its leaf (see {@link AuditLeaf}). {@code seq} is its
 * place in the one order of all evaluations (0 until the writer appends it).
 */
record AuditEntry(long seq, String id, long evaluatedAtMicros, String label, String choice, String confidence,
        String rulesVersion, long durationMicros, String facts, String answer) {
}
