package dev.ormadvisor.audit;

import java.util.List;

/**
 * The outcome of recomputing every log from its records: {@code ok} when each log's tree is the one its latest
 * checkpoint signed; {@code checked} records were found intact before the first mismatch of each log, and
 * {@code firstMismatch} names the first log and record that do not match, or is {@code null}.
 */
public record LogVerification(boolean ok, long checked, List<LogCheck> logs, Mismatch firstMismatch) {

    static LogVerification of(List<LogCheck> logs, Mismatch outsideAnyLog) {
        Mismatch first = outsideAnyLog != null ? outsideAnyLog
                : logs.stream().map(LogCheck::firstMismatch).filter(mismatch -> mismatch != null).findFirst()
                        .orElse(null);
        return new LogVerification(first == null, logs.stream().mapToLong(LogCheck::checked).sum(), logs, first);
    }

    /** One log: its signed {@code size}, the records found intact, and where it stops matching. */
    public record LogCheck(String log, long size, long checked, boolean ok, Mismatch firstMismatch) {
    }

    /**
     * Where a log stops matching. {@code index} is the leaf's place in the log and {@code id} the evaluation's,
     * either {@code null} when the mismatch is of the whole log (its signature, or its root after hashes were
     * recomputed).
     */
    public record Mismatch(String log, Long index, String id, String reason) {
    }
}
