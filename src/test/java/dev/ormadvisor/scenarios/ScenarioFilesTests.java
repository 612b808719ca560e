package dev.ormadvisor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.engine.ConfigMapVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTests {

    private static final Path SHIPPED = Path.of("rules", "scenarios");

    private final ScenarioFiles files = new ScenarioFiles();

    @TempDir
    Path tmp;

    @Test
    void readsAConfigMapMountedFolderOnceThroughItsVisibleLinks() throws Exception {
        Path mounted = Files.createDirectory(tmp.resolve("scenarios"));
        ConfigMapVolume volume = ConfigMapVolume.mount(mounted, Map.of(
                "team-a.yaml", Files.readString(SHIPPED.resolve("article-team-a-saas-startup.yaml")),
                "team-b.yaml", Files.readString(SHIPPED.resolve("article-team-b-backend-platform.yaml"))));
        volume.update(Map.of(
                "team-a.yaml", Files.readString(SHIPPED.resolve("article-team-a-saas-startup.yaml")),
                "team-b.yaml", Files.readString(SHIPPED.resolve("article-team-b-backend-platform.yaml")),
                "no-facts.yaml", Files.readString(SHIPPED.resolve("no-facts-at-all.yaml"))));

        assertThat(files.read(mounted)).extracting(Scenario::file)
                .containsExactly("no-facts.yaml", "team-a.yaml", "team-b.yaml");
    }

    @Test
    void readsAScenariosFolderThatIsALinkWhereItPoints() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("scenarios"), SHIPPED.toAbsolutePath());

        assertThat(files.read(link)).extracting(Scenario::file)
                .isEqualTo(files.read(SHIPPED).stream().map(Scenario::file).toList()).isNotEmpty();
    }
}
