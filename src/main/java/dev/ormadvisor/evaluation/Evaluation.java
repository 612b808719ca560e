package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.facts.Facts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** One answered question: the facts as received, what the rules decided, and when and how fast. */
public record Evaluation(String id, Instant evaluatedAt, String label, Facts facts, Decision decision,
        Duration duration) {

    /** Answers the facts with one rule set version; the service and the {@code evaluate} command both come here. */
    public static Evaluation of(RuleBase ruleBase, String label, Facts facts, Clock clock) {
        // To the microsecond, as the audit trail keeps it: the time in the answer is then the time stored.
        Instant start = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long startNanos = System.nanoTime();
        Decision decision = ruleBase.decide(facts);
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        return new Evaluation(timeOrderedId(start), start, label, facts, decision, duration);
    }

    /**
     * A version 7 UUID (RFC 9562): the millisecond first, then random bits. Later evaluations get later ids, so
     * the audit store's index on ids grows at its end rather than at a random page per insert; and no lock is
     * shared, where {@code UUID.randomUUID()} draws every id from one synchronized SecureRandom (it showed as
     * lock contention under load). Ids name evaluations; they are not secrets.
     */
    static String timeOrderedId(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long timeAndVersion = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long variantAndRandom = Long.MIN_VALUE | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(timeAndVersion, variantAndRandom).toString();
    }
}
