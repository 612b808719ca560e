package dev.ormadvisor.engine;

import dev.ormadvisor.conclusions.Evidence;
import java.util.List;

/** A rule that fired, in firing order, with the evidence its consequence recorded. */
public record FiredRule(RuleDefinition rule, List<Evidence> evidence) {

    public FiredRule {
        evidence = List.copyOf(evidence);
    }
}
