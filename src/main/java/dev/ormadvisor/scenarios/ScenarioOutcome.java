package dev.ormadvisor.scenarios;

import dev.ormadvisor.conclusions.Choice;
import java.util.List;

/** How one scenario went, in words: {@code got} is null when the rules failed on its facts instead of answering. */
public record ScenarioOutcome(String name, String file, Choice expected, Choice got, boolean passed,
        List<String> failures) {

    public ScenarioOutcome {
        failures = List.copyOf(failures);
    }
}
