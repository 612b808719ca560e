package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private static final Path JAR = Path.of("target", "orm-advisor.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @Test
    void thePackagedJarAnswersTheArticlesTwoTeams() throws Exception {
        int port = freePort();
        Process service = start(List.of("--server.port=" + port), Path.of("rules"), tmp.resolve("service.log"));
        try {
            awaitHealthy(service, port);

            JsonNode teamA = post(port, Files.readString(Path.of("examples", "team-a.json")));
            assertThat(teamA.at("/verdict/choice").asString()).isEqualTo("DJANGO_ORM");
            assertThat(teamA.at("/firedRules").findValuesAsString("name"))
                    .contains("When product iteration is the bottleneck, Django ORM wins");

            JsonNode teamB = post(port, Files.readString(Path.of("examples", "team-b.json")));
            assertThat(teamB.at("/verdict/choice").asString()).isEqualTo("SQLALCHEMY");
            assertThat(teamB.at("/rulesVersion").asString()).isEqualTo(teamA.at("/rulesVersion").asString());

            JsonNode rules = get(port, "/api/v1/rules");
            assertThat(rules.at("/version").asString()).isEqualTo(teamA.at("/rulesVersion").asString());
            assertThat(rules.at("/statements").size()).isEqualTo(43);
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
    }

    @Test
    void thePackagedJarRefusesToStartOnABrokenRuleBaseAndListsEveryErrorWithFileAndLine() throws Exception {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        Path factors = rules.resolve("factors.drl");
        Files.writeString(factors, Files.readString(factors).replace("needsAdminInterface == true )",
                "needsAdminInterfaces == true )"));
        Path log = tmp.resolve("broken.log");

        Process service = start(List.of("--server.port=" + freePort()), rules, log);

        assertThat(service.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the service should exit").isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START")
                .containsPattern("factors\\.drl:\\d+: .*needsAdminInterfaces");
    }

    @Test
    void thePackagedJarChecksTheShippedRulesWithoutStartingTheService() throws Exception {
        Path output = tmp.resolve("check.out");

        Process check = start(List.of("check"), Path.of("rules"), output);

        assertThat(check.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("check should finish").isTrue();
        String printed = Files.readString(output);
        assertThat(check.exitValue()).as(printed).isZero();
        assertThat(printed).doesNotContain("Tomcat").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    private Process start(List<String> args, Path rulesDir, Path log) throws IOException {
        assertThat(JAR).as("run `./mvnw package` first").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ADVISOR_RULES_DIR", rulesDir.toAbsolutePath().toString());
        return builder.start();
    }

    private void awaitHealthy(Process service, int port) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service exited during start-up").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become healthy within " + START_TIMEOUT);
    }

    private JsonNode post(int port, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
