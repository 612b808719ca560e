package dev.ormadvisor.drafts;

import dev.ormadvisor.engine.RuleError;
import dev.ormadvisor.rulesets.RuleSetDiff;
import dev.ormadvisor.scenarios.Coverage;
import dev.ormadvisor.scenarios.ScenarioOutcome;
import java.util.List;

/**
 * How a draft fared: {@code ok} when it compiles, passes every check a reload makes, and every scenario gets its
 * expected answer. {@code version} is the rule set version the draft would be. {@code scenarios} and
 * {@code coverage} are empty when the draft does not compile. {@code diff} compares the base with the draft, rule
 * by rule and file by file (scenarios and statements included, as text).
 */
public record DraftCheck(boolean ok, String version, String baseVersion, List<RuleError> errors,
        List<ScenarioOutcome> scenarios, Coverage coverage, RuleSetDiff diff) {

    public DraftCheck {
        errors = List.copyOf(errors);
        scenarios = List.copyOf(scenarios);
    }
}
