package dev.ormadvisor.audit;

import dev.ormadvisor.engine.RuleKind;
import java.time.Instant;
import java.util.List;

/**
 * How the rules of one rule set fired in the audited evaluations of a window ({@code null} bounds are open):
 * per rule, the number of evaluations it fired in; {@code neverFired} names the rules no evaluation needed.
 */
public record RuleCoverage(Instant from, Instant to, long evaluations, List<RuleUse> rules, List<String> neverFired) {

    public record RuleUse(String name, String file, int line, RuleKind kind, List<String> statements,
            long evaluations) {
    }
}
