package dev.ormadvisor.system;

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
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a service started on a random port, the way a client and an operator would. */
final class RunningService {

    static final String TEAM_A = """
            {"project":{"framework":"UNDECIDED","type":"SAAS","mostlyCrud":true,"needsAdminInterface":true,
             "requirementsChangeWeekly":true,"monthsToDeadline":3},"team":{"size":4,"hasDatabaseSpecialist":false}}
            """;

    /** A rule that adds nothing the shipped scenarios care about, to make a visibly different rule set. */
    static final String EXTRA_RULE = """
            package rules;

            import dev.ormadvisor.facts.*;
            import dev.ormadvisor.conclusions.*;

            rule "Small teams move faster with Django ORM"
                @statements("DJ-2") @kind("CHOOSE") @explanation("Added while the service runs.")
            when
                Team( size != null && size <= 5 )
            then
                insert( new Evidence( Option.DJANGO_ORM, 1 ) );
            end
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    RunningService(int port) {
        this.port = port;
    }

    JsonNode status() throws Exception {
        return json.readTree(get("/api/v1/rules/status").body());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode awaitStatus(Predicate<JsonNode> condition, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode status = status();
        while (!condition.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            status = status();
        }
        assertThat(condition.test(status)).as("within %s, status was %s", within, status).isTrue();
        return status;
    }

    JsonNode evaluate(String facts) throws Exception {
        HttpResponse<String> response = post("/api/v1/evaluations", facts, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> post(String path, String body, String bearerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode read(String body) {
        return json.readTree(body);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
