package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFolderWatcherTests {

    private static final Duration QUIET = Duration.ofMillis(200);
    /**
     * Generous for a machine shared with other builds: an idle one reloads in well under a second, and the packaged
     * service is held to two seconds by TwoInstancesIT.
     */
    private static final Duration IN_SERVICE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final AtomicInteger changes = new AtomicInteger();

    @Test
    void aBurstOfSavesIsOneChange() throws Exception {
        try (RulesFolderWatcher ignored = RulesFolderWatcher.start(dir, QUIET, changes::incrementAndGet)) {
            for (int i = 0; i < 20; i++) {
                Path temp = dir.resolve(".rule" + i + ".drl.tmp");
                Files.writeString(temp, "// save " + i);
                Files.move(temp, dir.resolve("rule" + (i % 3) + ".drl"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }

            awaitChanges(1);
            Thread.sleep(QUIET.toMillis() * 3);
            assertThat(changes).hasValue(1);
        }
    }

    @Test
    void seesChangesInSubfoldersIncludingNewOnes() throws Exception {
        try (RulesFolderWatcher ignored = RulesFolderWatcher.start(dir, QUIET, changes::incrementAndGet)) {
            Path sub = Files.createDirectory(dir.resolve("team-b"));
            awaitChanges(1);

            Files.writeString(sub.resolve("extra.drl"), "// new rule file");
            awaitChanges(2);
        }
    }

    @Test
    void seesAKubernetesConfigMapUpdateWhereOnlyTheDataLinkIsSwapped() throws Exception {
        ConfigMapVolume volume = ConfigMapVolume.mount(dir, Map.of("rules.drl", "// v1"));

        try (RulesFolderWatcher ignored = RulesFolderWatcher.start(dir, QUIET, changes::incrementAndGet)) {
            volume.update(Map.of("rules.drl", "// v2"));

            awaitChanges(1);
        }
        assertThat(Files.isSymbolicLink(dir.resolve("rules.drl"))).isTrue();
        assertThat(Files.readString(dir.resolve("rules.drl"))).isEqualTo("// v2");
    }

    @Test
    void aConfigMapUpdateOfTheRulesGoesIntoServiceReadThroughTheVisibleLinksOnly() throws Exception {
        Map<String, String> shipped = filesOf(ShippedRules.DIR);
        ConfigMapVolume volume = ConfigMapVolume.mount(dir, shipped);
        RuleBaseInService inService = new RuleBaseInService(dir, new RuleBaseCompiler(1000), RuleBaseCheck.NONE,
                Clock.systemUTC());
        RuleBase before = inService.current();
        Map<String, String> edited = new TreeMap<>(shipped);
        edited.put("extra.drl", ShippedRules.EXTRA_RULE);

        try (RulesFolderWatcher ignored = RulesFolderWatcher.start(dir, QUIET, inService::reload)) {
            long deadline = System.nanoTime() + IN_SERVICE_WITHIN.toNanos();
            volume.update(edited);

            while (inService.current() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        RuleBase after = inService.current();
        assertThat(after).as("a new rule set in service within %s", IN_SERVICE_WITHIN).isNotSameAs(before);
        assertThat(after.sources().files()).as("read through the visible links only, never twice")
                .containsOnlyKeys(edited.keySet().stream()
                        .filter(name -> name.endsWith(".drl") || name.endsWith(".drl.csv")).toList());
        assertThat(after.rules()).hasSize(before.rules().size() + 1);
    }

    /** The top-level files of a folder by name: what a ConfigMap made from it holds (its keys have no folders). */
    private static Map<String, String> filesOf(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private void awaitChanges(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (changes.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(changes.get()).as("changes seen").isGreaterThanOrEqualTo(expected);
    }
}
