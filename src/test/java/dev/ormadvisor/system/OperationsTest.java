package dev.ormadvisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.engine.RuleBaseInService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What an operator watches: readiness with the rule set's details and the instance's name, the registry of
 * instances, and the Prometheus metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "advisor.instance.id=operations-test")
class OperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    RuleBaseInService rules;

    private ServiceClient service;

    @BeforeEach
    void connect() {
        service = new ServiceClient(port);
    }

    @Test
    void isReadyWithTheInstanceTheRuleSetVersionAndTheLastReloadInTheDetails() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode health = ServiceClient.json(readiness.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/rules/details/instance").asString()).isEqualTo("operations-test");
        assertThat(health.at("/components/rules/details/version").asString()).isEqualTo(rules.current().version());
        assertThat(health.at("/components/rules/details/lastReloadOk").asBoolean()).isTrue();
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void listsItselfLiveOnTheRuleSetItServesAmongTheInstancesSharingItsDatabase() throws Exception {
        JsonNode registry = service.getOk("/api/v1/instances");

        assertThat(registry.get("latestRulesVersion").asString()).isEqualTo(rules.current().version());
        JsonNode itself = registry.get("instances").get(0);
        assertThat(itself.get("id").asString()).isEqualTo("operations-test");
        assertThat(itself.get("status").asString()).isEqualTo("LIVE");
        assertThat(itself.get("rulesVersion").asString()).isEqualTo(rules.current().version());
        assertThat(itself.get("onLatestRules").asBoolean()).isTrue();
    }

    @Test
    void exposesVerdictsLatencyRuleFiringsWarningsReloadsAndTheVersionInService() throws Exception {
        service.evaluate(ServiceClient.TEAM_A);
        service.evaluate("""
                {"project":{"framework":"DJANGO"},"leaning":{"choice":"SQLALCHEMY"}}""");
        rules.reload();

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern("advisor_evaluations_total\\{.*verdict=\"DJANGO_ORM\".*} [2-9]")
                .contains("advisor_evaluation_duration_seconds_bucket")
                .contains("advisor_audit_write_duration_seconds_count")
                .containsPattern("advisor_rule_fired_total\\{.*rule=\"When product iteration is the bottleneck, "
                        + "Django ORM wins\",statement=\"FACTOR-ITERATION\".*} 1")
                .containsPattern("advisor_warnings_total\\{.*statement=\"CAUTION-2\".*} 1")
                .containsPattern("advisor_rules_reloads_total\\{.*outcome=\"ok\".*} 2")
                .containsPattern("advisor_rules_info\\{.*version=\"" + rules.current().version() + "\".*} 1");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
