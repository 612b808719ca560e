package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFolderWatcherTests {

    private static final Duration QUIET = Duration.ofMillis(200);

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
        Path v1 = Files.createDirectory(dir.resolve("..2026_11_24_v1"));
        Files.writeString(v1.resolve("rules.drl"), "// v1");
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("rules.drl"), Path.of("..data", "rules.drl"));

        try (RulesFolderWatcher ignored = RulesFolderWatcher.start(dir, QUIET, changes::incrementAndGet)) {
            Path v2 = Files.createDirectory(dir.resolve("..2026_11_24_v2"));
            Files.writeString(v2.resolve("rules.drl"), "// v2");
            Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
            Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);

            awaitChanges(1);
        }
        assertThat(Files.readString(dir.resolve("rules.drl"))).isEqualTo("// v2");
    }

    private void awaitChanges(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (changes.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(changes.get()).as("changes seen").isGreaterThanOrEqualTo(expected);
    }
}
