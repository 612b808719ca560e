package dev.ormadvisor.cli;

import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.engine.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code check} found: how every scenario went, how many scenarios fire each rule, and which of the
 * thresholds failed. The {@code --format json} document is this record.
 */
record CheckReport(String rulesDir, String rulesVersion, List<ScenarioOutcome> scenarios, Coverage coverage,
        Totals totals, List<String> failedThresholds) {

    CheckReport {
        scenarios = List.copyOf(scenarios);
        failedThresholds = List.copyOf(failedThresholds);
    }

    static CheckReport of(String rulesDir, String rulesVersion, List<ScenarioOutcome> scenarios,
            Coverage coverage) {
        int failed = (int) scenarios.stream().filter(scenario -> !scenario.passed()).count();
        Totals totals = new Totals(scenarios.size(), scenarios.size() - failed, failed);
        List<String> failedThresholds = new ArrayList<>();
        if (failed > 0) {
            failedThresholds.add(failed + " of " + scenarios.size() + " scenarios failed");
        }
        if (!coverage.meetsMinimum()) {
            failedThresholds.add("coverage " + percent(coverage.percentage()) + " is below --min-coverage "
                    + percent(coverage.minimum()));
        }
        return new CheckReport(rulesDir, rulesVersion, scenarios, coverage, totals, failedThresholds);
    }

    boolean passed() {
        return failedThresholds.isEmpty();
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    /** {@code got} is null when the rules failed on the scenario's facts instead of answering. */
    record ScenarioOutcome(String name, String file, Choice expected, Choice got, boolean passed,
            List<String> failures) {

        ScenarioOutcome {
            failures = List.copyOf(failures);
        }
    }

    /** A rule and the number of scenarios whose answer it took part in. */
    record RuleCoverage(String file, int line, String name, int scenarios) {

        String location() {
            return file + ":" + line;
        }
    }

    /** {@code percentage} is rules fired by at least one scenario over all rules, rounded to one decimal. */
    record Coverage(List<RuleCoverage> rules, List<RuleCoverage> uncovered, int covered, int total,
            double percentage, double minimum) {

        Coverage {
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
        boolean meetsMinimum() {
            return covered * 100.0 >= minimum * total;
        }
    }

    record Totals(int scenarios, int passed, int failed) {
    }
}
