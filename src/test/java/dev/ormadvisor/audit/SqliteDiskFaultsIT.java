package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.AcknowledgedEvaluations;
import dev.ormadvisor.AuditDatabases;
import dev.ormadvisor.EvaluationLoad;
import dev.ormadvisor.PackagedService;
import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's disk misbehaves under load: the SQLite file lives on a small filesystem of the test's own
 * (a tmpfs), which first fills up, then is remounted read-only. A {@code chmod} would not do: the tests run as
 * root in CI, and root writes through any permission. Mounting needs root too; elsewhere the test is skipped,
 * except when {@code CI} is set.
 *
 * <p>While the disk refuses writes every evaluation is answered 503 problem+json (no 500, no hang) and health says
 * DOWN, in time for a probe; once it takes writes again the same process answers 200 within seconds, and every
 * evaluation it acknowledged is stored and verifies.
 */
class SqliteDiskFaultsIT {

    /** advisor.audit.commit-timeout in application.properties. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration HEALTH_ANSWERS_WITHIN = Duration.ofSeconds(2);
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final int CLIENTS = 4;

    @TempDir
    Path tmp;

    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(tmp.resolve("disk"));
        String refused = command("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", disk.toString());
        if (refused != null) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                throw new IllegalStateException("cannot mount a small filesystem and CI is set: " + refused);
            }
            Assumptions.abort("cannot mount a small filesystem (" + refused + "); skipped outside CI");
        }
    }

    @AfterEach
    void unmount() throws Exception {
        command("umount", "-l", disk.toString());
    }

    @Test
    void whileTheDiskIsFullOrReadOnlyEvaluationsAreRefused503AndHealthSaysDownThenTheyAreAnsweredAgain()
            throws Exception {
        List<String> settings = List.of("--spring.datasource.url=" + AuditDatabases.sqliteUrl(disk.resolve(
                "audit.db")));
        try (PackagedService service = PackagedService.startHealthy(settings, ShippedRules.DIR,
                tmp.resolve("service.log"));
                EvaluationLoad load = EvaluationLoad.start(service, CLIENTS)) {
            load.awaitMoreAcknowledged(20, Duration.ofSeconds(60));
            Path filler = disk.resolve("filler");

            refusedWhileThenAnsweredAgain(service, load, () -> fill(filler), () -> Files.delete(filler));
            refusedWhileThenAnsweredAgain(service, load, () -> remount("ro"), () -> remount("rw"));

            load.awaitMoreAcknowledged(20, WITHIN);
            List<EvaluationLoad.Answer> answers = load.stop();
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).as("%s", answer).isIn(200, 503);
                assertThat(answer.took()).as("%s", answer).isLessThanOrEqualTo(COMMIT_TIMEOUT.plus(SLACK));
            });
            AcknowledgedEvaluations.assertAllKept(service, load.acknowledged(), tmp.resolve("auditor"));
        }
    }

    private void refusedWhileThenAnsweredAgain(PackagedService service, EvaluationLoad load, Step fault, Step cure)
            throws Exception {
        fault.run();
        long from = System.nanoTime();
        EvaluationLoad.Answer firstRefused = load.awaitAnswer(answer -> answer.askedAt() > from
                && answer.status() == 503, COMMIT_TIMEOUT.plus(SLACK));
        service.assertHealthDown("auditWriter", HEALTH_ANSWERS_WITHIN);
        Thread.sleep(1000);
        cure.run();
        long to = System.nanoTime();

        load.awaitAnswer(answer -> answer.answeredAt() > to && answer.status() == 200, WITHIN);
        service.awaitHealthUp(to, WITHIN);
        List<EvaluationLoad.Answer> refused = load.answers().stream()
                .filter(answer -> answer.within(firstRefused.answeredAt(), to)).toList();
        assertThat(refused).as("asked after the first refusal, answered before the cure").isNotEmpty()
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as("%s", answer).isEqualTo(503);
                    assertThat(answer.isProblem()).as("%s", answer).isTrue();
                });
        System.out.printf("SqliteDiskFaultsIT: %d refused 503 while the disk refused writes%n", refused.size());
    }

    /** Writes until the filesystem has no space left. */
    private static void fill(Path filler) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                chunk.clear();
                out.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left");
        }
    }

    private void remount(String mode) throws Exception {
        String refused = command("mount", "-o", "remount," + mode, disk.toString());
        assertThat(refused).as("remount %s", mode).isNull();
    }

    /** Runs the command; null when it succeeded, else what it printed. */
    private static String command(String... command) throws Exception {
        Path output = Files.createTempFile("command", ".out");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
            return process.exitValue() == 0 ? null : Files.readString(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
