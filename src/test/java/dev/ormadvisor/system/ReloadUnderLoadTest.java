package dev.ormadvisor.system;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import static dev.ormadvisor.ShippedRules.EXTRA_RULE;
import static dev.ormadvisor.ServiceClient.TEAM_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reloads swap whole rule sets under running evaluations: every answer comes from exactly one version that was
 * really in service, and none fails. The watcher is off so that the 20 reloads are exactly the 20 requested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReloadUnderLoadTest {

    private static final Path RULES = ShippedRules.copyToTemporaryFolder();
    private static final String TOKEN = "test-admin-token";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules.dir", RULES::toString);
        registry.add("advisor.rules.watch", () -> "false");
        registry.add("advisor.admin.token", () -> TOKEN);
    }

    @Test
    void twoHundredConcurrentEvaluationsDuringTwentyReloadsAllAnswerFromAVersionInService() throws Exception {
        ServiceClient service = new ServiceClient(port);
        Set<String> versionsInService = ConcurrentHashMap.newKeySet();
        versionsInService.add(service.status().get("version").asString());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(clients.submit(() -> service.post("/api/v1/evaluations", TEAM_A, null)));
            }
            for (int reload = 0; reload < 20; reload++) {
                if (reload % 2 == 0) {
                    Files.writeString(RULES.resolve("small-teams.drl"), EXTRA_RULE);
                } else {
                    Files.delete(RULES.resolve("small-teams.drl"));
                }
                JsonNode outcome = ServiceClient.json(service.post("/api/v1/rules/reload", "", TOKEN).body());
                assertThat(outcome.at("/lastReload/ok").asBoolean()).as(outcome.toString()).isTrue();
                versionsInService.add(outcome.get("version").asString());
            }
            assertThat(versionsInService).as("two rule sets took turns").hasSize(2);
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(versionsInService).contains(ServiceClient.json(response.body()).get("rulesVersion").asString());
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
