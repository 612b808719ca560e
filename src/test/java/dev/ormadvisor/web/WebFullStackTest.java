package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole application on a real port, with a tiny rule set of its own (src/test/resources/web-rules). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "advisor.rules.dir=src/test/resources/web-rules")
class WebFullStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Test
    void answersAnEvaluationInTheShapeOfTheContract() throws Exception {
        HttpResponse<String> response = http.send(post(BodyPublishers.ofString("""
                {"label": "shop", "project": {"framework": "DJANGO"},
                 "leaning": {"choice": "SQLALCHEMY", "reasons": ["HYPE"]}}""")), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asString()).isNotBlank();
        assertThat(body.get("rulesVersion").asString()).hasSize(16);
        assertThat(body.get("evaluatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.get("label").asString()).isEqualTo("shop");
        assertThat(body.get("verdict").get("choice").asString()).isEqualTo("DJANGO_ORM");
        assertThat(body.get("verdict").get("confidence").asString()).isEqualTo("MEDIUM");
        assertThat(new ArrayList<>(body.get("verdict").get("scores").propertyNames()))
                .containsExactly("DJANGO_ORM", "SQLALCHEMY");
        assertThat(body.get("verdict").get("scores").get("DJANGO_ORM").asInt()).isEqualTo(3);
        assertThat(names(body.get("firedRules"))).containsExactly("Django project takes the Django ORM",
                "Hype is not a reason", "Weigh the evidence", "The leader wins");
        JsonNode first = body.get("firedRules").get(0);
        assertThat(first.get("statements").get(0).asString()).isEqualTo("WEB-DJ-1");
        assertThat(first.get("file").asString()).isEqualTo("fixture.drl");
        assertThat(first.get("evidence").get(0).get("weight").asInt()).isEqualTo(3);
        JsonNode warning = body.get("warnings").get(0);
        assertThat(warning.get("statement").asString()).isEqualTo("WEB-MISTAKE-1");
        assertThat(warning.get("rule").asString()).isEqualTo("Hype is not a reason");
        assertThat(warning.get("message").asString()).startsWith("Pick the ORM");
    }

    @Test
    void listsTheLoadedRules() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/rules")).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(names(body.get("rules"))).hasSize(5);
        assertThat(body.get("statements").get(3).get("key").asString()).isEqualTo("WEB-UNUSED-1");
        assertThat(body.get("statements").get(3).get("rules").isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "padded with {0}")
    @ValueSource(chars = {' ', 'x'})
    void refusesAChunkedBodyOverOneMebibyteWith413WhateverItHolds(char filler) throws Exception {
        // Blanks between tokens, or one endless string: the size is judged before any parser limit can answer.
        byte[] opening = (filler == ' ' ? "{\"label\": " : "{\"label\": \"").getBytes(StandardCharsets.US_ASCII);
        byte[] padding = new byte[RequestBodyLimitFilter.DEFAULT_MAX_BYTES + 64 * 1024];
        Arrays.fill(padding, (byte) filler);
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(opening),
                new ByteArrayInputStream(padding));

        HttpResponse<String> response = http.send(post(BodyPublishers.ofInputStream(() -> body)),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemHandler.REQUEST_TOO_LARGE);
        assertThat(problem.get("status").asInt()).isEqualTo(413);
    }

    @Test
    void refusesABodyOverOneMebibyteByItsContentLengthWith413() throws Exception {
        HttpResponse<String> response = http.send(post(BodyPublishers.ofByteArray(
                new byte[RequestBodyLimitFilter.DEFAULT_MAX_BYTES + 1])), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo(ProblemHandler.REQUEST_TOO_LARGE);
    }

    @Test
    void answersAnUnknownPathWithA404Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/nope")).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void hasNoBenchmarkFloorOutsideTheBenchProfile() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(ParseOnlyFloorController.PATH))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/api/v1/evaluations")).header("Content-Type", "application/json")
                .POST(body).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> names(JsonNode rules) {
        List<String> names = new ArrayList<>();
        rules.forEach(rule -> names.add(rule.get("name").asString()));
        return names;
    }
}
