package dev.ormadvisor.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are stored as epoch microseconds (UTC): a plain BIGINT compares and indexes alike on every database. */
final class EpochMicros {

    private EpochMicros() {
    }

    static long of(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant toInstant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
