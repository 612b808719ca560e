package dev.ormadvisor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * A scenario file, whatever its text, is read as {@link ScenarioFiles} reads the rules folder's scenarios: into a
 * scenario, or refused with an {@link InvalidScenarioException} naming the file. Any other exception is a finding
 * (it would stop {@code check} and the start-up checks with a stack trace instead of the author's mistake).
 * Inputs: {@code ScenarioFilesFuzzTestsInputs/<method>/}.
 */
class ScenarioFilesFuzzTests {

    private static final String FILE = "fuzzed.yaml";

    private final ScenarioFiles files = new ScenarioFiles();

    @FuzzTest
    void aScenarioFileIsReadOrRefusedNamingIt(byte[] input) {
        Scenario scenario;
        try {
            scenario = files.parse(new String(input, StandardCharsets.UTF_8), FILE);
        } catch (InvalidScenarioException refused) {
            assertThat(refused.getMessage()).contains(FILE);
            return;
        }
        assertThat(scenario.facts()).isNotNull();
        assertThat(scenario.expect().verdict()).isNotNull();
        assertThat(scenario.name()).isNotBlank();
    }
}
