package dev.ormadvisor.scenarios;

import dev.ormadvisor.engine.Decision;
import java.util.List;

/** How one scenario went: the decision the rules made and every way it missed the expectation. */
public record ScenarioResult(Scenario scenario, Decision decision, List<String> failures) {

    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
