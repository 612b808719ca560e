package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production store goes away under load and comes back: a PostgreSQL server of the test's own is stopped
 * with {@code pg_ctl stop -m immediate} while clients keep evaluating, then started again. The packaged jar is
 * not restarted. While the server is down every evaluation is refused 503 problem+json within the commit timeout
 * (no 500, no hang), so is a read of a stored evaluation, and health says DOWN in time for a probe; once it is back the service answers 200 again
 * within seconds, and every evaluation it ever acknowledged is stored and verifies.
 */
class PostgresOutageIT {

    /** advisor.audit.commit-timeout in application.properties. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    /** HTTP and scheduling on a busy two-core machine, on top of the commit timeout. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration HEALTH_ANSWERS_WITHIN = Duration.ofSeconds(2);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(10);
    /** Long enough for every client to ask, and be refused, once more after the request it had in flight. */
    private static final Duration OUTAGE = COMMIT_TIMEOUT.plus(SLACK).multipliedBy(2).plusSeconds(1);
    private static final int CLIENTS = 6;

    @TempDir
    Path tmp;

    @Test
    void whileTheServerIsDownEvaluationsAreRefused503AndHealthSaysDownThenTheyAreAnsweredAgainAndNoneIsLost()
            throws Exception {
        try (PrivatePostgresServer postgres = PrivatePostgresServer.start();
                PackagedService service = PackagedService.startHealthy(postgres.serviceSettings(), ShippedRules.DIR,
                        tmp.resolve("service.log"));
                EvaluationLoad load = EvaluationLoad.start(service, CLIENTS)) {
            ExecutorService reader = Executors.newSingleThreadExecutor();
            load.awaitMoreAcknowledged(50, Duration.ofSeconds(30));

            String acknowledgedId = load.acknowledged().keySet().iterator().next();
            postgres.stopImmediately();
            long down = System.nanoTime();
            Future<EvaluationLoad.Answer> read = reader.submit(() -> {
                HttpResponse<String> response = service.get("/api/v1/evaluations/" + acknowledgedId);
                return new EvaluationLoad.Answer(down, System.nanoTime(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""), response.body(), null);
            });
            while (System.nanoTime() - down < OUTAGE.toNanos()) {
                service.assertHealthDown("db", HEALTH_ANSWERS_WITHIN);
                Thread.sleep(1000);
            }
            EvaluationLoad.Answer readDuringOutage = read.get();
            assertThat(readDuringOutage.status()).as("a read: %s", readDuringOutage).isEqualTo(503);
            assertThat(readDuringOutage.isProblem()).as("%s", readDuringOutage).isTrue();
            assertThat(readDuringOutage.took()).as("%s", readDuringOutage)
                    .isLessThanOrEqualTo(COMMIT_TIMEOUT.plus(SLACK));
            postgres.startAgain();
            long up = System.nanoTime();

            EvaluationLoad.Answer answeredAgain = load.awaitAnswer(answer -> answer.answeredAt() > up
                    && answer.status() == 200, BACK_WITHIN);
            System.out.printf("PostgresOutageIT: first 200 %d ms after the server was back%n",
                    Duration.ofNanos(answeredAgain.answeredAt() - up).toMillis());
            service.awaitHealthUp(up, BACK_WITHIN);
            load.awaitMoreAcknowledged(20, BACK_WITHIN);
            List<EvaluationLoad.Answer> answers = load.stop();

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).as("%s", answer).isIn(200, 503);
                assertThat(answer.took()).as("%s", answer).isLessThanOrEqualTo(COMMIT_TIMEOUT.plus(SLACK));
            });
            assertThat(answers).filteredOn(answer -> answer.status() == 503)
                    .allSatisfy(answer -> assertThat(answer.isProblem()).as("%s", answer).isTrue());
            List<EvaluationLoad.Answer> duringOutage = answers.stream().filter(answer -> answer.within(down, up))
                    .toList();
            assertThat(duringOutage).as("asked and answered while the server was down").hasSizeGreaterThanOrEqualTo(
                    CLIENTS).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(503));
            System.out.printf("PostgresOutageIT: %d answers, %d acknowledged, %d refused 503 during the outage%n",
                    answers.size(), load.acknowledged().size(), duringOutage.size());

            AcknowledgedEvaluations.assertAllKept(service, load.acknowledged(), tmp.resolve("auditor"));
            reader.shutdown();
        }
    }
}
