package dev.ormadvisor.audit;

import dev.ormadvisor.conclusions.Choice;
import java.time.Instant;

/**
 * Which stored evaluations to read. Every criterion is optional ({@code null} matches anything): {@code statement}
 * is a statement key of a rule that fired, {@code label} matches exactly, {@code from} is inclusive and {@code to}
 * exclusive.
 */
public record EvaluationFilter(String statement, Choice choice, String rulesVersion, String label, Instant from,
        Instant to) {
}
