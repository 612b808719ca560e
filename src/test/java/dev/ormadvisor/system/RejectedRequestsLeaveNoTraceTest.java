package dev.ormadvisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A refused request is never half-stored: only answered evaluations reach the audit trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RejectedRequestsLeaveNoTraceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"project\":{\"framwork\":\"DJANGO\"}}",
        "{\"project\":{\"framework\":\"RAILS\"}}",
        "{\"team\":{\"size\":\"4\"}}",
        "{\"team\":{\"size\":-1}}",
        "{\"project\":",
        "",
        "{} {}",
        "{\"team\":{\"size\":1,\"size\":2}}",
        "{\"leaning\":{\"reasons\":[\"HYPE\",null]}}"})
    void aRejectedRequestStoresNothing(String body) throws Exception {
        long before = storedEvaluations();

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(storedEvaluations()).isEqualTo(before);
    }

    @Test
    void anAnsweredEvaluationIsStoredExactlyOnce() throws Exception {
        long before = storedEvaluations();

        HttpResponse<String> response = post(ServiceClient.TEAM_A);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storedEvaluations()).isEqualTo(before + 1);
    }

    private long storedEvaluations() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation", Long.class);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
