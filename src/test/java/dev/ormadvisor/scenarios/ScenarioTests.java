package dev.ormadvisor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario file under {@code rules/scenarios/} is a test of its own, named by the scenario, so domain
 * experts add tests by adding YAML files.
 */
class ScenarioTests {

    static final Path RULES = Path.of("rules");

    private final RuleBase ruleBase = new RuleBaseCompiler(1000).compile(RULES);
    private final List<Scenario> scenarios = new ScenarioFiles().read(RULES.resolve("scenarios"));

    @TestFactory
    Stream<DynamicTest> everyScenarioGetsTheAnswerItExpects() {
        ScenarioRunner runner = new ScenarioRunner();
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            ScenarioResult result = runner.run(ruleBase, scenario);
            assertThat(result.failures()).as("%s (%s)", scenario.name(), scenario.file()).isEmpty();
        }));
    }

    @Test
    void theShippedScenariosAreEnoughToTrustTheRuleBase() {
        assertThat(scenarios.size()).as("number of scenario files").isGreaterThanOrEqualTo(25);
    }
}
