package dev.ormadvisor.scenarios;

import dev.ormadvisor.engine.EvaluationFailedException;
import dev.ormadvisor.engine.FiredRule;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} asks of a rule base, for the command line and the workbench alike: does every scenario get
 * its expected answer, and how many scenarios fire each rule.
 */
public final class ScenarioCheck {

    private final ScenarioRunner runner = new ScenarioRunner();

    public Result run(RuleBase ruleBase, List<Scenario> scenarios, double minCoverage) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        Map<String, Integer> scenariosByRuleName = new HashMap<>();
        for (Scenario scenario : scenarios) {
            try {
                ScenarioResult result = runner.run(ruleBase, scenario);
                outcomes.add(new ScenarioOutcome(scenario.name(), scenario.file(), scenario.expect().verdict(),
                        result.decision().verdict().choice(), result.passed(), result.failures()));
                result.decision().firedRules().stream().map(FiredRule::rule).map(RuleDefinition::name).distinct()
                        .forEach(name -> scenariosByRuleName.merge(name, 1, Integer::sum));
            } catch (EvaluationFailedException e) {
                outcomes.add(new ScenarioOutcome(scenario.name(), scenario.file(), scenario.expect().verdict(),
                        null, false, List.of("the rules failed instead of answering: " + e.getMessage())));
            }
        }
        return new Result(outcomes, Coverage.of(ruleBase.rules(), scenariosByRuleName, minCoverage));
    }

    /** Every scenario's outcome, in the order given, and the coverage they give. */
    public record Result(List<ScenarioOutcome> scenarios, Coverage coverage) {

        public Result {
            scenarios = List.copyOf(scenarios);
        }

        public int failed() {
            return (int) scenarios.stream().filter(scenario -> !scenario.passed()).count();
        }
    }
}
