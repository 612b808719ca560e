package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** What a fault must leave intact: every evaluation answered 200 is stored, its receipt verifies, the log too. */
public final class AcknowledgedEvaluations {

    private AcknowledgedEvaluations() {
    }

    /** Checks the evaluations acknowledged (id to whole answer) against the service now running on the store. */
    public static void assertAllKept(PackagedService service, Map<String, String> acknowledged, Path auditorDir)
            throws Exception {
        HttpResponse<String> verify = service.get("/api/v1/audit/verify");
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
        assertThat(ServiceClient.json(verify).get("ok").asBoolean()).as(verify.body()).isTrue();
        String key = ServiceClient.json(service.get("/api/v1/audit/keys")).get("keys").get(0).asString();
        Auditor auditor = new Auditor(key, auditorDir);
        Auditor.Outcome followed = auditor.follow("http://127.0.0.1:" + service.port());
        assertThat(followed.exit()).as(followed.printed()).isZero();
        for (Map.Entry<String, String> answer : acknowledged.entrySet()) {
            HttpResponse<String> stored = service.get("/api/v1/evaluations/" + answer.getKey());
            assertThat(stored.statusCode()).as("acknowledged %s: %s", answer.getKey(), stored.body()).isEqualTo(200);
            Auditor.Outcome receipt = auditor.verifyReceipt(answer.getValue(), null);
            assertThat(receipt.exit()).as("receipt given with %s: %s", answer.getKey(), receipt.printed()).isZero();
        }
    }
}
