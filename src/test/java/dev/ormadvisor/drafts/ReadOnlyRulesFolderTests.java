package dev.ormadvisor.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ormadvisor.ShippedRules;
import dev.ormadvisor.engine.ConfigMapVolume;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules folder mounted from a Kubernetes ConfigMap is never written: publishing says how to publish instead. */
class ReadOnlyRulesFolderTests {

    @TempDir
    Path dir;

    @Test
    void aConfigMapFolderRefusesToPublishAndSaysHowToPublishInstead() throws IOException {
        ConfigMapVolume.mount(dir, shippedTopLevelFiles());
        ScenarioFiles scenarios = new ScenarioFiles();
        RuleBaseInService inService = new RuleBaseInService(dir, new RuleBaseCompiler(1000),
                new ScenarioFactsCheck(scenarios), Clock.systemUTC());
        // Publishing to the version in service needs neither the audit trail nor a replay.
        Drafts drafts = new Drafts(inService, null, null, scenarios);
        String version = inService.current().version();
        Draft draft = new Draft(version, null, List.of(new DraftFile("small-teams.drl", ShippedRules.EXTRA_RULE)),
                List.of());

        assertThatThrownBy(() -> drafts.publish(draft)).isInstanceOf(ReadOnlyRulesFolderException.class)
                .hasMessageContaining("read-only").hasMessageContaining("/api/v1/rulesets/current/bundle")
                .hasMessageContaining("ConfigMap");
        assertThat(dir.resolve("small-teams.drl")).doesNotExist();
        assertThat(inService.current().version()).isEqualTo(version);
    }

    /** A ConfigMap's keys have no folders: the rule files and the statement catalog, without the scenarios. */
    private static Map<String, String> shippedTopLevelFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(ShippedRules.DIR)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
