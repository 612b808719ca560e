package dev.ormadvisor.scenarios;

import dev.ormadvisor.engine.RuleDefinition;
import java.util.List;
import java.util.Map;

/**
 * How many scenarios fire each rule. {@code percentage} is rules fired by at least one scenario over all rules,
 * rounded to one decimal; {@code minimum} is the least percentage asked for.
 */
public record Coverage(List<RuleCoverage> rules, List<RuleCoverage> uncovered, int covered, int total,
        double percentage, double minimum) {

    public Coverage {
        rules = List.copyOf(rules);
        uncovered = List.copyOf(uncovered);
    }

    static Coverage of(List<RuleDefinition> rules, Map<String, Integer> scenariosByRuleName, double minimum) {
        List<RuleCoverage> counted = rules.stream().map(rule -> new RuleCoverage(rule.file(), rule.line(),
                rule.name(), scenariosByRuleName.getOrDefault(rule.name(), 0))).toList();
        List<RuleCoverage> uncovered = counted.stream().filter(rule -> rule.scenarios() == 0).toList();
        int covered = counted.size() - uncovered.size();
        double percentage = counted.isEmpty() ? 100.0
                : Math.round(covered * 1000.0 / counted.size()) / 10.0;
        return new Coverage(counted, uncovered, covered, counted.size(), percentage, minimum);
    }

    /** Judged on the exact ratio, so that 2 of 3 rules never passes a minimum of 66.7 by rounding. */
    public boolean meetsMinimum() {
        return covered * 100.0 >= minimum * total;
    }

    /** A rule and the number of scenarios whose answer it took part in. */
    public record RuleCoverage(String file, int line, String name, int scenarios) {

        public String location() {
            return file + ":" + line;
        }
    }
}
