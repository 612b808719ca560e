package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.AcknowledgedEvaluations;
import dev.ormadvisor.EvaluationLoad;
import dev.ormadvisor.PackagedService;
import dev.ormadvisor.ShippedRules;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart: SIGTERM to the packaged jar while clients keep evaluating. Every request asked before the
 * signal gets an answer (200, or 503 before any work: never a cut connection nor a 500), the process exits 0
 * within the shutdown phase's timeout, and a service restarted on the same store has every acknowledged
 * evaluation, with receipts and a log that verify, and goes on appending to it.
 */
abstract class GracefulShutdownContract {

    /** spring.lifecycle.timeout-per-shutdown-phase in application.properties. */
    private static final Duration SHUTDOWN_PHASE = Duration.ofSeconds(20);
    private static final int CLIENTS = 8;

    @TempDir
    Path tmp;

    /** The service's settings that point it at this store. */
    abstract List<String> storeSettings(Path dataDir);

    @Test
    void sigtermUnderLoadAnswersWhatWasAskedKeepsEveryAcknowledgedEvaluationAndExitsZero() throws Exception {
        List<String> settings = storeSettings(tmp);
        PackagedService first = PackagedService.startHealthy(settings, ShippedRules.DIR, tmp.resolve("first.log"));
        List<EvaluationLoad.Answer> answers;
        Map<String, String> acknowledged;
        long terminated;
        try (EvaluationLoad load = EvaluationLoad.start(first, CLIENTS)) {
            load.awaitMoreAcknowledged(100, Duration.ofSeconds(60));
            terminated = System.nanoTime();
            first.process().destroy();
            assertThat(first.process().waitFor(SHUTDOWN_PHASE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("exited within %s of SIGTERM", SHUTDOWN_PHASE).isTrue();
            answers = load.stop();
            acknowledged = load.acknowledged();
        } finally {
            first.close();
        }
        assertThat(first.process().exitValue()).as("exit value after SIGTERM").isZero();
        assertThat(answers).filteredOn(answer -> answer.askedAt() < terminated).allSatisfy(answer -> {
            assertThat(answer.status()).as("asked before SIGTERM: %s", answer).isIn(200, 503);
            assertThat(answer.status() == 200 || answer.isProblem()).as("%s", answer).isTrue();
        });
        assertThat(answers).filteredOn(answer -> answer.failure() == null)
                .allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isIn(200, 503));
        System.out.printf("%s: %d acknowledged, %d answers, %d unanswered (asked after SIGTERM)%n",
                getClass().getSimpleName(), acknowledged.size(), answers.size(),
                answers.stream().filter(answer -> answer.failure() != null).count());

        try (PackagedService restarted = PackagedService.startHealthy(settings, ShippedRules.DIR,
                tmp.resolve("restarted.log"))) {
            AcknowledgedEvaluations.assertAllKept(restarted, acknowledged, tmp.resolve("auditor"));
            HttpResponse<String> next = restarted.post("/api/v1/evaluations", EvaluationLoad.body(0));
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            AcknowledgedEvaluations.assertAllKept(restarted, Map.of(), tmp.resolve("auditor"));
        }
    }
}
