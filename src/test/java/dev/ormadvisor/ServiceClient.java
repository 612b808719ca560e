package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the whole service on its random port, as a team or an operator would use it. */
public final class ServiceClient {

    /** The article's team A, as the issue states it. */
    public static final String TEAM_A = """
            {"project":{"framework":"UNDECIDED","type":"SAAS","mostlyCrud":true,"needsAdminInterface":true,
             "requirementsChangeWeekly":true,"monthsToDeadline":3},"team":{"size":4,"hasDatabaseSpecialist":false}}
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    public ServiceClient(int port) {
        this.port = port;
    }

    /**
     * An audit database for the test class alone: its counts and chain are then exactly what the class wrote, and
     * no other class shares its Spring context.
     */
    public static void ownAuditDatabase(DynamicPropertyRegistry registry) {
        try {
            String file = Files.createTempFile("orm-advisor-audit-test", ".db").toString();
            registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=10000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A service with an audit database of its own on {@code rules}, which it reloads only when asked to
     * ({@code POST /api/v1/rules/reload} with {@code adminToken}), so a test decides when an edit goes into service.
     */
    public static void ownServiceReloadedByHand(DynamicPropertyRegistry registry, Path rules, String adminToken) {
        ownAuditDatabase(registry);
        registry.add("advisor.rules.dir", rules::toString);
        registry.add("advisor.rules.watch", () -> "false");
        registry.add("advisor.admin.token", () -> adminToken);
    }

    /** Posts the facts exactly as given and returns the answer, which must be a 200. */
    public JsonNode evaluate(String facts) throws Exception {
        HttpResponse<String> response = post("/api/v1/evaluations", facts, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, null);
    }

    public HttpResponse<String> get(String pathAndQuery, String bearerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** For answers that are not text, such as a rule set bundle. */
    public HttpResponse<byte[]> getBytes(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The body of a 200 answer. */
    public JsonNode getOk(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    public HttpResponse<String> post(String path, String body, String bearerToken) throws Exception {
        return postWithHeaders(path, body, bearerToken == null ? Map.of() : Map.of("Authorization", "Bearer " + bearerToken));
    }

    /** Posts JSON with these headers besides its content type. */
    public HttpResponse<String> postWithHeaders(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** {@code GET /api/v1/rules/status}. */
    public JsonNode status() throws Exception {
        return getOk("/api/v1/rules/status");
    }

    /** Polls the rules status until it meets the condition, failing if it does not within the time given. */
    public JsonNode awaitStatus(Predicate<JsonNode> condition, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode status = status();
        while (!condition.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            status = status();
        }
        assertThat(condition.test(status)).as("within %s, status was %s", within, status).isTrue();
        return status;
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
