package dev.ormadvisor.cli;

import dev.ormadvisor.scenarios.Coverage;
import dev.ormadvisor.scenarios.ScenarioOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    record Totals(int scenarios, int passed, int failed) {
    }
}
