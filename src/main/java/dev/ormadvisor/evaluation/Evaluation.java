package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.facts.Facts;
import java.time.Duration;
import java.time.Instant;

/** One answered question: the facts as received, what the rules decided, and when and how fast. */
public record Evaluation(String id, Instant evaluatedAt, String label, Facts facts, Decision decision,
        Duration duration) {
}
