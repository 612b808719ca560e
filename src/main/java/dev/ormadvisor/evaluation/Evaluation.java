package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.facts.Facts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

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
        return new Evaluation(UUID.randomUUID().toString(), start, label, facts, decision, duration);
    }
}
