package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.transparency.MerkleHash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What was exchanged is what is stored and what the leaf commits to, and a record changed or removed behind the
 * service's back is found by verify, which names its log and index. The tests run in order on one log; each one
 * that tampers puts the log back as it found it. (AuditTamperContract plays the attacker who also recomputes the
 * hashes; this one plays the careless editor.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIntegrityTest {

    /** Unusual field order and whitespace, which the stored facts must keep. */
    private static final String ODDLY_WRITTEN = "{\n  \"team\" : { \"size\":4 } ,\"label\":\"  odd   spacing \",\n"
            + "\t\"project\": {\"type\":\"SAAS\",   \"framework\":\"UNDECIDED\", \"mostlyCrud\": true}\n}\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ServiceClient service;

    @DynamicPropertySource
    static void auditDatabase(DynamicPropertyRegistry registry) {
        ServiceClient.ownAuditDatabase(registry);
    }

    @BeforeEach
    void connect() {
        service = new ServiceClient(port);
    }

    @Test
    @Order(1)
    void verifiesAnEmptyLogAsWhole() throws Exception {
        JsonNode verification = service.getOk("/api/v1/audit/verify");

        assertThat(verification.get("ok").asBoolean()).isTrue();
        assertThat(verification.get("checked").asLong()).isZero();
        assertThat(verification.get("firstMismatch").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void returnsTheAnswerAsSentWithTheFactsExactlyAsTheClientSentThem() throws Exception {
        HttpResponse<String> sent = service.post("/api/v1/evaluations", ODDLY_WRITTEN, null);
        JsonNode answer = ServiceClient.json(sent);
        String id = answer.get("id").asString();

        JsonNode stored = service.getOk("/api/v1/evaluations/" + id);

        List<String> fields = new ArrayList<>(answer.propertyNames());
        assertThat(fields).endsWith("receipt");
        fields.remove("receipt");
        fields.addAll(List.of("facts", "durationMicros", "log", "index", "traceId"));
        assertThat(stored.propertyNames()).containsExactlyElementsOf(fields);
        answer.properties().stream().filter(field -> !field.getKey().equals("receipt")).forEach(field ->
                assertThat(stored.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
        assertThat(stored.get("log").asString()).isEqualTo(answer.at("/receipt/log").asString());
        assertThat(stored.get("index").asLong()).isEqualTo(answer.at("/receipt/index").asLong());
        // The text sent is the text stored, with the receipt as one more member at its end.
        String storedAnswer = jdbc.queryForObject("SELECT answer FROM audit_evaluation WHERE id = ?", String.class, id);
        assertThat(sent.body()).startsWith(storedAnswer.substring(0, storedAnswer.length() - 1) + ",\"receipt\":{");
        // The leaf holds the facts and the answer byte for byte, and hashes to the receipt's leaf hash.
        HttpResponse<byte[]> leaf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/evaluations/" + id + "/leaf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(leaf.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        String leafText = new String(leaf.body(), StandardCharsets.UTF_8);
        assertThat(leafText).startsWith("orm-advisor/audit-leaf/v1\nid 36\n" + id + "\n")
                .contains("\nfacts " + ODDLY_WRITTEN.getBytes(StandardCharsets.UTF_8).length + "\n" + ODDLY_WRITTEN
                        + "\n")
                .endsWith("\nanswer " + storedAnswer.getBytes(StandardCharsets.UTF_8).length + "\n" + storedAnswer
                        + "\n");
        assertThat(Base64.getEncoder().encodeToString(MerkleHash.leaf(leaf.body())))
                .isEqualTo(answer.at("/receipt/leafHash").asString());
        assertThat(stored.get("facts")).isEqualTo(ServiceClient.json(ODDLY_WRITTEN));
        assertThat(stored.get("facts").propertyNames()).containsExactly("team", "label", "project");
        assertThat(stored.get("facts").get("project").propertyNames())
                .containsExactly("type", "framework", "mostlyCrud");
        assertThat(stored.get("durationMicros").asLong()).isNotNegative();
        assertThat(jdbc.queryForObject("SELECT facts FROM audit_evaluation WHERE id = ?", String.class,
                answer.get("id").asString())).isEqualTo(ODDLY_WRITTEN);
    }

    @Test
    @Order(3)
    void verifiesAnUntouchedLogAsWhole() throws Exception {
        for (String label : List.of("one", "two", "three", "four")) {
            service.evaluate("{\"label\": \"" + label + "\", \"project\": {\"framework\": \"DJANGO\"}}");
        }

        JsonNode verification = service.getOk("/api/v1/audit/verify");

        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(5);
        assertThat(verification.get("firstMismatch").isNull()).isTrue();
    }

    @Test
    @Order(4)
    void findsTheRecordWhoseLabelWasEditedBehindTheServicesBack() throws Exception {
        String label = jdbc.queryForObject("SELECT label FROM audit_evaluation WHERE log_index = 2", String.class);
        jdbc.update("UPDATE audit_evaluation SET label = 'edited' WHERE log_index = 2");
        try {
            assertMismatchAt(2, 2, "changed");
        } finally {
            jdbc.update("UPDATE audit_evaluation SET label = ? WHERE log_index = 2", label);
        }
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void findsTheRecordWhoseStoredVerdictWasSwappedBehindTheServicesBack() throws Exception {
        String answer = jdbc.queryForObject("SELECT answer FROM audit_evaluation WHERE log_index = 3", String.class);
        String swapped = answer.replace("\"choice\":\"DJANGO_ORM\"", "\"choice\":\"SQLALCHEMY\"");
        assertThat(swapped).isNotEqualTo(answer);
        jdbc.update("UPDATE audit_evaluation SET answer = ? WHERE log_index = 3", swapped);
        try {
            assertMismatchAt(3, 3, "changed");
        } finally {
            jdbc.update("UPDATE audit_evaluation SET answer = ? WHERE log_index = 3", answer);
        }
    }

    @Test
    @Order(6)
    void reportsARecordDeletedFromTheMiddleAsMissing() throws Exception {
        Map<String, Object> removed = jdbc.queryForMap("SELECT * FROM audit_evaluation WHERE log_index = 1");
        jdbc.update("DELETE FROM audit_evaluation WHERE log_index = 1");
        try {
            JsonNode verification = service.getOk("/api/v1/audit/verify");
            assertThat(verification.get("ok").asBoolean()).isFalse();
            assertThat(verification.get("checked").asLong()).isEqualTo(1);
            assertThat(verification.at("/firstMismatch/index").asLong()).isEqualTo(1);
            assertThat(verification.at("/firstMismatch/reason").asString()).contains("index 1 is missing");
        } finally {
            reinsert(removed);
        }
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void reportsTheNewestRecordDeletedAsMissingFromTheSignedTree() throws Exception {
        jdbc.update("DELETE FROM audit_evaluation WHERE log_index = 4");

        JsonNode verification = service.getOk("/api/v1/audit/verify");

        assertThat(verification.get("ok").asBoolean()).isFalse();
        assertThat(verification.get("checked").asLong()).isEqualTo(4);
        assertThat(verification.at("/firstMismatch/index").asLong()).isEqualTo(4);
        assertThat(verification.at("/firstMismatch/id").isNull()).isTrue();
        assertThat(verification.at("/firstMismatch/reason").asString()).contains("index 4 is missing", "signed");
    }

    @Test
    @Order(8)
    void answersProofsAndRefusesProofParametersItCannotUseNamingThem() throws Exception {
        JsonNode log = service.getOk("/api/v1/audit/logs").get("logs").get(0);
        String proofs = "/api/v1/audit/logs/" + log.get("id").asString();
        long size = log.get("size").asLong();

        JsonNode inclusion = service.getOk(proofs + "/proof?index=1&size=" + size);
        assertThat(inclusion.get("index").asLong()).isEqualTo(1);
        assertThat(inclusion.get("size").asLong()).isEqualTo(size);
        assertThat(inclusion.get("hashes").size()).isPositive();
        JsonNode consistency = service.getOk(proofs + "/consistency?from=2&to=" + size);
        assertThat(consistency.get("from").asLong()).isEqualTo(2);
        assertThat(consistency.get("hashes").size()).isPositive();
        assertThat(service.get(proofs + "/checkpoint").body()).startsWith(log.get("origin").asString() + "\n" + size
                + "\n");

        for (String[] refused : new String[][] {{"/proof?size=" + size, "index"}, {"/proof?index=0", "size"},
                {"/proof?index=x&size=" + size, "index"}, {"/proof?index=" + size + "&size=" + size, "index"},
                {"/proof?index=0&size=" + (size + 1), "size"}, {"/proof?index=0&size=" + size + "&extra=1", "extra"},
                {"/consistency?from=3&to=2", "from"}, {"/consistency?from=0&to=" + (size + 1), "to"}}) {
            HttpResponse<String> response = service.get(proofs + refused[0]);
            assertThat(response.statusCode()).as(refused[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(ServiceClient.json(response).get("field").asString()).as(refused[0]).isEqualTo(refused[1]);
        }
        assertThat(service.get("/api/v1/audit/logs/no-such-log/proof?index=0&size=1").statusCode()).isEqualTo(404);
        assertThat(service.get("/api/v1/evaluations/no-such-id/receipt").statusCode()).isEqualTo(404);
    }

    private void assertMismatchAt(long index, long intactBefore, String reason) throws Exception {
        String id = jdbc.queryForObject("SELECT id FROM audit_evaluation WHERE log_index = ?", String.class, index);

        HttpResponse<String> response = service.get("/api/v1/audit/verify");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verification = ServiceClient.json(response);
        assertThat(verification.get("ok").asBoolean()).isFalse();
        assertThat(verification.get("checked").asLong()).isEqualTo(intactBefore);
        assertThat(verification.at("/firstMismatch/log").asString()).isNotBlank();
        assertThat(verification.at("/firstMismatch/index").asLong()).isEqualTo(index);
        assertThat(verification.at("/firstMismatch/id").asString()).isEqualTo(id);
        assertThat(verification.at("/firstMismatch/reason").asString()).contains(reason);
    }

    private void reinsert(Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        jdbc.update("INSERT INTO audit_evaluation (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")",
                columns.stream().map(row::get).toArray());
    }
}
