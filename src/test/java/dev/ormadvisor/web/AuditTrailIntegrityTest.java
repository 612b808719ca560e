package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
 * What was exchanged is what is stored, and a record changed or removed behind the service's back is found by
 * the chain. The tests run in order on one log; each one that tampers puts the log back as it found it.
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
        assertThat(verification.get("firstBroken").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void returnsTheAnswerAsSentWithTheFactsExactlyAsTheClientSentThem() throws Exception {
        JsonNode answer = service.evaluate(ODDLY_WRITTEN);

        JsonNode stored = service.getOk("/api/v1/evaluations/" + answer.get("id").asString());

        List<String> fields = new ArrayList<>(answer.propertyNames());
        fields.addAll(List.of("facts", "durationMicros"));
        assertThat(stored.propertyNames()).containsExactlyElementsOf(fields);
        answer.properties().forEach(field -> assertThat(stored.get(field.getKey())).as(field.getKey())
                .isEqualTo(field.getValue()));
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
        assertThat(verification.get("firstBroken").isNull()).isTrue();
    }

    @Test
    @Order(4)
    void findsTheRecordWhoseLabelWasEditedBehindTheServicesBack() throws Exception {
        String label = jdbc.queryForObject("SELECT label FROM audit_evaluation WHERE seq = 3", String.class);
        jdbc.update("UPDATE audit_evaluation SET label = 'edited' WHERE seq = 3");
        try {
            assertBrokenAt(3, 2, "changed");
        } finally {
            jdbc.update("UPDATE audit_evaluation SET label = ? WHERE seq = 3", label);
        }
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void findsTheRecordWhoseStoredVerdictWasSwappedBehindTheServicesBack() throws Exception {
        String answer = jdbc.queryForObject("SELECT answer FROM audit_evaluation WHERE seq = 4", String.class);
        String swapped = answer.replace("\"choice\":\"DJANGO_ORM\"", "\"choice\":\"SQLALCHEMY\"");
        assertThat(swapped).isNotEqualTo(answer);
        jdbc.update("UPDATE audit_evaluation SET answer = ? WHERE seq = 4", swapped);
        try {
            assertBrokenAt(4, 3, "changed");
        } finally {
            jdbc.update("UPDATE audit_evaluation SET answer = ? WHERE seq = 4", answer);
        }
    }

    @Test
    @Order(6)
    void reportsARecordDeletedFromTheMiddleAsAGap() throws Exception {
        Map<String, Object> removed = jdbc.queryForMap("SELECT * FROM audit_evaluation WHERE seq = 2");
        jdbc.update("DELETE FROM audit_evaluation WHERE seq = 2");
        try {
            assertBrokenAt(3, 1, "record 2 is missing");
        } finally {
            reinsert(removed);
        }
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void reportsTheLastRecordDeletedAsAMismatchWithTheChainHead() throws Exception {
        jdbc.update("DELETE FROM audit_evaluation WHERE seq = 5");

        JsonNode verification = service.getOk("/api/v1/audit/verify");

        assertThat(verification.get("ok").asBoolean()).isFalse();
        assertThat(verification.get("checked").asLong()).isEqualTo(4);
        assertThat(verification.at("/firstBroken/seq").asLong()).isEqualTo(5);
        assertThat(verification.at("/firstBroken/id").isNull()).isTrue();
        assertThat(verification.at("/firstBroken/reason").asString()).contains("chain head", "missing");
    }

    private void assertBrokenAt(long seq, long intactBefore, String reason) throws Exception {
        String id = jdbc.queryForObject("SELECT id FROM audit_evaluation WHERE seq = ?", String.class, seq);

        HttpResponse<String> response = service.get("/api/v1/audit/verify");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verification = ServiceClient.json(response);
        assertThat(verification.get("ok").asBoolean()).isFalse();
        assertThat(verification.get("checked").asLong()).isEqualTo(intactBefore);
        assertThat(verification.at("/firstBroken/seq").asLong()).isEqualTo(seq);
        assertThat(verification.at("/firstBroken/id").asString()).isEqualTo(id);
        assertThat(verification.at("/firstBroken/reason").asString()).contains(reason);
    }

    private void reinsert(Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        jdbc.update("INSERT INTO audit_evaluation (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")",
                columns.stream().map(row::get).toArray());
    }
}
