package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the executable jar built by {@code ./mvnw package} as a separate process, the way it is deployed, so
 * that fat-jar class loading (Drools' service discovery, the compiler's context class loader) is really tested.
 */
class PackagedJarIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @Test
    void thePackagedJarAnswersTheArticlesTwoTeams() throws Exception {
        try (PackagedService service = PackagedService.startHealthy(List.of(), Path.of("rules"),
                tmp.resolve("service.log"))) {
            JsonNode teamA = ok(service.post("/api/v1/evaluations",
                    Files.readString(Path.of("examples", "team-a.json"))));
            assertThat(teamA.at("/verdict/choice").asString()).isEqualTo("DJANGO_ORM");
            assertThat(tmp.resolve("data/orm-advisor.db")).as("the embedded audit store's default place").exists();
            assertThat(teamA.at("/firedRules").findValuesAsString("name"))
                    .contains("When product iteration is the bottleneck, Django ORM wins");

            JsonNode teamB = ok(service.post("/api/v1/evaluations",
                    Files.readString(Path.of("examples", "team-b.json"))));
            assertThat(teamB.at("/verdict/choice").asString()).isEqualTo("SQLALCHEMY");
            assertThat(teamB.at("/rulesVersion").asString()).isEqualTo(teamA.at("/rulesVersion").asString());

            JsonNode rules = ok(service.get("/api/v1/rules"));
            assertThat(rules.at("/version").asString()).isEqualTo(teamA.at("/rulesVersion").asString());
            assertThat(rules.at("/statements").size()).isEqualTo(43);
        }
    }

    @Test
    void thePackagedJarRefusesToStartOnABrokenRuleBaseAndListsEveryErrorWithFileAndLine() throws Exception {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        Path factors = rules.resolve("factors.drl");
        Files.writeString(factors, Files.readString(factors).replace("needsAdminInterface == true )",
                "needsAdminInterfaces == true )"));
        Path log = tmp.resolve("broken.log");

        Process service = PackagedService.start(List.of("--server.port=" + PackagedService.freePort()), rules, log);

        assertThat(service.waitFor(PackagedService.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("the service should exit").isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START")
                .containsPattern("factors\\.drl:\\d+: .*needsAdminInterfaces");
    }

    @Test
    void thePackagedJarChecksTheShippedRulesWithoutStartingTheService() throws Exception {
        Path output = tmp.resolve("check.out");

        Process check = PackagedService.start(List.of("check"), Path.of("rules"), output);

        assertThat(check.waitFor(PackagedService.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("check should finish").isTrue();
        String printed = Files.readString(output);
        assertThat(check.exitValue()).as(printed).isZero();
        assertThat(printed).doesNotContain("Tomcat").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
