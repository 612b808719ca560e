package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.Auditor;
import dev.ormadvisor.EvaluationLoad;
import dev.ormadvisor.PackagedService;
import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer is sent only once its record is committed, so killing the service with {@code kill -9} must not lose
 * a single acknowledged evaluation, nor break its log. The packaged jar runs as a real process; it is killed
 * while a burst of evaluations is still in flight, restarted on the same store, and the store is then read with
 * plain JDBC (no read API involved). An auditor following the log before and after the crash sees it only grow,
 * and every receipt handed out before the kill verifies, as does the one the restarted service gives for it.
 */
abstract class AuditDurabilityContract {

    private static final int EVALUATIONS = 400;
    private static final int CLIENTS = 32;
    /** Killed once this many are acknowledged, so that the rest are still being evaluated or committed. */
    private static final int KILL_AFTER_ACKNOWLEDGED = 300;
    /** What {@link Process#exitValue()} reports for a process ended by SIGKILL (128 + 9). */
    private static final int KILLED_BY_SIGKILL = 137;

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** The service's settings that point it at this store. */
    abstract List<String> storeSettings(Path dataDir);

    /** A plain JDBC connection to the same store. */
    abstract Connection connect(Path dataDir) throws SQLException;

    @Test
    void everyAcknowledgedEvaluationSurvivesKill9WithAReceiptThatVerifiesAndTheLogStaysIntact() throws Exception {
        List<String> settings = storeSettings(tmp);
        Map<String, String> acknowledgedAnswers = new ConcurrentHashMap<>();
        Set<String> acknowledged = acknowledgedAnswers.keySet();
        PackagedService first = PackagedService.startHealthy(settings, ShippedRules.DIR, tmp.resolve("first.log"));
        Auditor auditor = new Auditor(json.readTree(first.get("/api/v1/audit/keys").body()).get("keys").get(0)
                .asString(), tmp.resolve("auditor"));
        try {
            assertThat(auditor.follow(url(first)).exit()).isZero();
            burstThenKill(first, acknowledgedAnswers);
        } finally {
            first.close();
        }
        assertThat(first.process().isAlive()).isFalse();
        assertThat(first.process().exitValue()).as("exit value of a SIGKILLed process").isEqualTo(KILLED_BY_SIGKILL);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

        try (PackagedService restarted = PackagedService.startHealthy(settings, ShippedRules.DIR,
                tmp.resolve("restarted.log"))) {
            StoredLogs afterCrash = storedLogs().assertIntact();
            assertThat(afterCrash.ids()).containsAll(acknowledged);
            Auditor.Outcome followed = auditor.follow(url(restarted));
            assertThat(followed.exit()).as(followed.printed()).isZero();
            for (Map.Entry<String, String> answer : acknowledgedAnswers.entrySet()) {
                Auditor.Outcome given = auditor.verifyReceipt(answer.getValue(), null);
                assertThat(given.exit()).as("receipt given with %s: %s", answer.getKey(), given.printed()).isZero();
                Auditor.Outcome now = auditor.verifyReceipt(restarted.get("/api/v1/evaluations/" + answer.getKey()
                        + "/receipt").body(), leaf(restarted, answer.getKey()));
                assertThat(now.exit()).as("receipt now for %s: %s", answer.getKey(), now.printed()).isZero();
            }
            System.out.printf("%s: %d acknowledged before kill -9, %d stored, all acknowledged found with receipts"
                    + " that verify, log intact and consistent with the view before the kill%n",
                    getClass().getSimpleName(), acknowledged.size(), afterCrash.length());

            String next = idOf(restarted.post("/api/v1/evaluations", EvaluationLoad.body(EVALUATIONS)));
            assertThat(storedLogs().assertIntact().ids()).hasSize(afterCrash.length() + 1).endsWith(next);
        }
    }

    private void burstThenKill(PackagedService service, Map<String, String> acknowledged) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch enoughAcknowledged = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < EVALUATIONS; i++) {
                String body = EvaluationLoad.body(i);
                requests.add(clients.submit(() -> {
                    try {
                        HttpResponse<String> response = service.post("/api/v1/evaluations", body);
                        if (response.statusCode() == 200) {
                            acknowledged.put(idOf(response), response.body());
                            enoughAcknowledged.countDown();
                        }
                    } catch (IOException cutOffByTheKill) {
                        // not acknowledged, so the store owes it nothing
                    }
                    return null;
                }));
            }
            assertThat(enoughAcknowledged.await(60, TimeUnit.SECONDS)).as("acknowledged in time").isTrue();
            service.kill();
            for (Future<?> request : requests) {
                request.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private String idOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("id").asString();
    }

    private StoredLogs storedLogs() throws SQLException {
        try (Connection connection = connect(tmp)) {
            return StoredLogs.read(connection);
        }
    }

    private static String url(PackagedService service) {
        return "http://127.0.0.1:" + service.port();
    }

    private static byte[] leaf(PackagedService service, String id) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url(service) + "/api/v1/evaluations/" + id + "/leaf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
