package dev.ormadvisor.system;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import static dev.ormadvisor.ShippedRules.EXTRA_RULE;
import static dev.ormadvisor.ServiceClient.TEAM_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A domain expert edits a copy of the shipped rules while the service runs: a save goes live within 2 s, and a
 * broken save keeps the last good version serving while the status names the file and line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotReloadTest {

    private static final Path RULES = ShippedRules.copyToTemporaryFolder();
    private static final Duration WITHIN_TWO_SECONDS = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    private ServiceClient service;

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules.dir", RULES::toString);
        registry.add("advisor.rules.quiet-period", () -> "200ms");
    }

    @BeforeEach
    void connect() {
        service = new ServiceClient(port);
    }

    @Test
    @Order(1)
    void aSavedEditIsInServiceWithinTwoSeconds() throws Exception {
        String before = service.status().get("version").asString();

        Files.writeString(RULES.resolve("small-teams.drl"), EXTRA_RULE);

        JsonNode after = service.awaitStatus(status -> !status.get("version").asString().equals(before),
                WITHIN_TWO_SECONDS);
        assertThat(after.at("/lastReload/ok").asBoolean()).isTrue();
        JsonNode answer = service.evaluate(TEAM_A);
        assertThat(answer.get("rulesVersion").asString()).isEqualTo(after.get("version").asString());
        assertThat(answer.get("firedRules").findValuesAsString("name"))
                .contains("Small teams move faster with Django ORM");
    }

    @Test
    @Order(2)
    void aBrokenSaveIsReportedWithFileAndLineWhileTheLastGoodVersionKeepsAnswering() throws Exception {
        String good = service.status().get("version").asString();

        Files.writeString(RULES.resolve("small-teams.drl"), EXTRA_RULE.replace("size <= 5", "sise <= 5"));

        JsonNode broken = service.awaitStatus(status -> !status.at("/lastReload/ok").asBoolean(),
                WITHIN_TWO_SECONDS);
        assertThat(broken.get("version").asString()).isEqualTo(good);
        assertThat(broken.at("/lastReload/errors/0/file").asString()).isEqualTo("small-teams.drl");
        assertThat(broken.at("/lastReload/errors/0/line").asInt()).isEqualTo(9);
        assertThat(service.evaluate(TEAM_A).get("rulesVersion").asString()).isEqualTo(good);

        Files.delete(RULES.resolve("small-teams.drl"));

        JsonNode recovered = service.awaitStatus(status -> status.at("/lastReload/ok").asBoolean(),
                WITHIN_TWO_SECONDS);
        assertThat(recovered.at("/lastReload/errors").isEmpty()).isTrue();
        assertThat(recovered.get("version").asString()).isNotEqualTo(good);
    }

    @Test
    @Order(3)
    void theRowsOfADecisionTableAreListedAndANewWeightIsLiveUnderANewVersion() throws Exception {
        JsonNode rules = service.getOk("/api/v1/rules");
        assertThat(rules.get("rules").findValues("file").stream().map(JsonNode::asString))
                .contains("best-fits.drl.csv");
        JsonNode row = stream(rules.get("rules"))
                .filter(rule -> rule.get("name").asString().startsWith("A SaaS startup")).findFirst().orElseThrow();
        assertThat(row.get("file").asString()).isEqualTo("best-fits.drl.csv");
        assertThat(row.get("line").asInt()).as("its spreadsheet row").isEqualTo(9);
        assertThat(row.get("statements").get(0).asString()).isEqualTo("DJ-BEST-1");
        assertThat(row.get("kind").asString()).isEqualTo("CHOOSE");
        assertThat(row.get("explanation").asString()).startsWith("A SaaS product built on standard web-app");
        String before = service.status().get("version").asString();
        int scoreBefore = service.evaluate(TEAM_A).at("/verdict/scores/DJANGO_ORM").asInt();

        replaceIn(TABLE, "is where Django ORM is especially strong.\",2", "is where Django ORM is especially strong.\",3");

        JsonNode after = service.awaitStatus(status -> !status.get("version").asString().equals(before),
                WITHIN_TWO_SECONDS);
        assertThat(after.at("/lastReload/ok").asBoolean()).isTrue();
        JsonNode answer = service.evaluate(TEAM_A);
        assertThat(answer.get("rulesVersion").asString()).isEqualTo(after.get("version").asString());
        assertThat(answer.at("/verdict/scores/DJANGO_ORM").asInt()).isEqualTo(scoreBefore + 1);
    }

    @Test
    @Order(4)
    void aBrokenCellIsRejectedWithTheTablesFileRowAndColumnWhileTheLastGoodVersionKeepsAnswering()
            throws Exception {
        String good = service.status().get("version").asString();

        replaceIn(TABLE, "mostlyCrud == true || needsAdminInterface", "mostlyCrudd == true || needsAdminInterface");

        JsonNode broken = service.awaitStatus(status -> !status.at("/lastReload/ok").asBoolean(),
                WITHIN_TWO_SECONDS);
        assertThat(broken.get("version").asString()).isEqualTo(good);
        assertThat(broken.at("/lastReload/errors/0/file").asString()).isEqualTo("best-fits.drl.csv");
        assertThat(broken.at("/lastReload/errors/0/line").asInt()).isEqualTo(9);
        assertThat(broken.at("/lastReload/errors/0/column").asString()).isEqualTo("D");
        assertThat(service.evaluate(TEAM_A).get("rulesVersion").asString()).isEqualTo(good);
    }

    @Test
    @Order(5)
    void aHostileRuleDroppedIntoTheFolderIsRefusedNeverRunsAndTheLastGoodVersionKeepsAnswering() throws Exception {
        replaceIn(TABLE, "mostlyCrudd == true", "mostlyCrud == true");
        String good = service.awaitStatus(status -> status.at("/lastReload/ok").asBoolean(), WITHIN_TWO_SECONDS)
                .get("version").asString();
        Path marker = Files.createTempDirectory("hostile").resolve("marker");

        Files.writeString(RULES.resolve("hostile.drl"), EXTRA_RULE.replace("Small teams move faster", "Hostile")
                .replace("insert( new Evidence( Option.DJANGO_ORM, 1 ) );",
                        "new java.io.File( \"" + marker + "\" ).createNewFile();"));

        JsonNode refused = service.awaitStatus(status -> !status.at("/lastReload/ok").asBoolean(),
                WITHIN_TWO_SECONDS);
        assertThat(refused.get("version").asString()).isEqualTo(good);
        assertThat(refused.at("/lastReload/errors/0/file").asString()).isEqualTo("hostile.drl");
        assertThat(refused.at("/lastReload/errors/0/line").asInt()).isEqualTo(11);
        assertThat(refused.at("/lastReload/errors/0/message").asString()).contains("is not allowed");
        assertThat(service.evaluate(TEAM_A).get("rulesVersion").asString()).isEqualTo(good);
        assertThat(marker).as("neither the reload's scenario check nor an evaluation ran it").doesNotExist();

        Files.delete(RULES.resolve("hostile.drl"));
        service.awaitStatus(status -> status.at("/lastReload/ok").asBoolean(), WITHIN_TWO_SECONDS);
    }

    private static final Path TABLE = RULES.resolve("best-fits.drl.csv");

    private static void replaceIn(Path file, String text, String replacement) throws Exception {
        String before = Files.readString(file);
        assertThat(before).contains(text);
        Files.writeString(file, before.replace(text, replacement));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
