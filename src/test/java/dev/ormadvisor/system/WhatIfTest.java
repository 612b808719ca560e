package dev.ormadvisor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ormadvisor.ServiceClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ?explain=what-if} on the shipped rules, and what the audit trail keeps of it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatIfTest {

    private static final String WHAT_IF = "/api/v1/evaluations?explain=what-if";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ServiceClient service;

    @BeforeEach
    void connect() {
        service = new ServiceClient(port);
    }

    @Test
    void listsEveryOtherWebFrameworkAsAFlipToSqlalchemyForTheArticlesTeamA() throws Exception {
        JsonNode answer = whatIf(Files.readString(Path.of("examples/team-a.json")));

        assertThat(answer.get("verdict").get("choice").asString()).isEqualTo("DJANGO_ORM");
        List<JsonNode> flips = StreamSupport.stream(answer.get("whatIf").spliterator(), false).toList();
        assertThat(flips).filteredOn(flip -> flip.get("fact").asString().equals("project.framework"))
                .extracting(flip -> flip.get("from").asString(), flip -> flip.get("to").asString(),
                        flip -> flip.get("verdict").get("choice").asString())
                .containsExactlyInAnyOrder(
                        tuple("UNDECIDED", "FASTAPI", "SQLALCHEMY"),
                        tuple("UNDECIDED", "FLASK", "SQLALCHEMY"),
                        tuple("UNDECIDED", "OTHER", "SQLALCHEMY"),
                        tuple("UNDECIDED", "NONE", "SQLALCHEMY"));
        assertThat(flips).allSatisfy(flip ->
                assertThat(flip.get("verdict").get("choice").asString()).isNotEqualTo("DJANGO_ORM"));
    }

    @Test
    void explainsAStoredEvaluationWithTheRuleSetNowInServiceWithoutStoringAnything() throws Exception {
        JsonNode answer = service.evaluate(Files.readString(Path.of("examples/team-a.json")));
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation", Long.class);

        HttpResponse<String> response = service.get("/api/v1/evaluations/" + answer.get("id").asString()
                + "/what-if");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode explained = ServiceClient.json(response.body());
        assertThat(explained.get("id").asString()).isEqualTo(answer.get("id").asString());
        assertThat(explained.get("answeredWith").asString()).isEqualTo(answer.get("rulesVersion").asString());
        assertThat(explained.get("rulesVersion").asString()).isEqualTo(answer.get("rulesVersion").asString());
        assertThat(explained.get("verdict")).isEqualTo(answer.get("verdict"));
        assertThat(explained.get("whatIf").findValuesAsString("to")).contains("FASTAPI");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation", Long.class)).isEqualTo(stored);
    }

    @Test
    void answers404ForTheWhatIfOfAnUnknownEvaluation() throws Exception {
        HttpResponse<String> response = service.get("/api/v1/evaluations/no-such-id/what-if");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void recordsThePlainAnswerInTheAuditTrailWithoutTheExplanationAndReceiptsIt() throws Exception {
        JsonNode answer = whatIf(ServiceClient.TEAM_A);

        JsonNode stored = ServiceClient.json(jdbc.queryForObject("SELECT answer FROM audit_evaluation WHERE id = ?",
                String.class, answer.get("id").asString()));
        assertThat(stored.has("whatIf")).isFalse();
        ObjectNode plain = ((ObjectNode) answer).deepCopy();
        plain.remove("whatIf");
        JsonNode receipt = plain.remove("receipt");
        assertThat(stored).isEqualTo(plain);
        assertThat(receipt.get("leafHash").asString()).isEqualTo(service.getOk("/api/v1/evaluations/"
                + answer.get("id").asString() + "/receipt").get("leafHash").asString());
    }

    @Test
    void refusesAnotherExplanationAndStoresNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation", Long.class);

        HttpResponse<String> response = service.post("/api/v1/evaluations?explain=why", ServiceClient.TEAM_A,
                null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = ServiceClient.json(response.body());
        assertThat(problem.get("field").asString()).isEqualTo("explain");
        assertThat(problem.get("errors").get(0).get("allowedValues").get(0).asString()).isEqualTo("what-if");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation", Long.class)).isEqualTo(before);
    }

    private JsonNode whatIf(String facts) throws Exception {
        HttpResponse<String> response = service.post(WHAT_IF, facts, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceClient.json(response.body());
    }
}
