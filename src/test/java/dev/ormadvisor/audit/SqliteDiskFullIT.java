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
 * The embedded store's disk fills up under load: the SQLite file lives on a small filesystem of the test's own (a
 * tmpfs), filled with a file until no space is left, then freed. Mounting needs root; elsewhere the test is
 * skipped, except when {@code CI} is set. A read-only folder cannot be had this way: root writes through any
 * {@code chmod}, and remounting the filesystem read-only is refused ("mount point is busy") while SQLite holds its
 * files open for writing.
 *
 * <p>While the disk refuses writes every evaluation is answered 503 problem+json (no 500, no hang) and health says
 * DOWN, in time for a probe; once it takes writes again the same process answers 200 within seconds, and every
 * evaluation it acknowledged is stored and verifies.
 */
class SqliteDiskFullIT {

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
    void whileTheDiskIsFullEvaluationsAreRefused503AndHealthSaysDownThenTheyAreAnsweredAgain()
            throws Exception {
        List<String> settings = List.of("--spring.datasource.url=" + AuditDatabases.sqliteUrl(disk.resolve(
                "audit.db")));
        try (PackagedService service = PackagedService.startHealthy(settings, ShippedRules.DIR,
                tmp.resolve("service.log"));
                EvaluationLoad load = EvaluationLoad.start(service, CLIENTS)) {
            load.awaitMoreAcknowledged(20, Duration.ofSeconds(60));
            Path filler = disk.resolve("filler");

            refusedWhileFullThenAnsweredAgain(service, load, filler);

            load.awaitMoreAcknowledged(20, WITHIN);
            List<EvaluationLoad.Answer> answers = load.stop();
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).as("%s", answer).isIn(200, 503);
                assertThat(answer.took()).as("%s", answer).isLessThanOrEqualTo(COMMIT_TIMEOUT.plus(SLACK));
            });
            AcknowledgedEvaluations.assertAllKept(service, load.acknowledged(), tmp.resolve("auditor"));
        }
    }

    private void refusedWhileFullThenAnsweredAgain(PackagedService service, EvaluationLoad load, Path filler)
            throws Exception {
        fill(filler);
        long from = System.nanoTime();
        EvaluationLoad.Answer firstRefused = load.awaitAnswer(answer -> answer.askedAt() > from
                && answer.status() == 503, COMMIT_TIMEOUT.plus(SLACK));
        service.assertHealthDown("auditWriter", HEALTH_ANSWERS_WITHIN);
        Thread.sleep(1000);
        Files.delete(filler);
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
        System.out.printf("SqliteDiskFullIT: %d refused 503 while the disk refused writes%n", refused.size());
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
}
