package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A rule author changes a weight in a copy of the shipped rules, reloads, and replays the stored evaluations to
 * see which real answers the change would flip.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplayTest {

    private static final Path RULES = ShippedRules.copyToTemporaryFolder();
    private static final String TOKEN = "replay-test-token";
    private static final String ADMIN_RULE = "rule \"People who need an admin interface favour Django ORM\"";

    /** Undecided, and 5 points each way: too close to call, until the admin interface weighs more. */
    private static final String TIED = """
            {"label": "tied", "project": {"framework": "UNDECIDED", "needsAdminInterface": true,
             "databaseCentral": true}}""";
    private static final List<String> UNFLIPPABLE = List.of(
            """
            {"label": "team A", "project": {"framework": "UNDECIDED", "type": "SAAS", "mostlyCrud": true,
             "needsAdminInterface": true, "requirementsChangeWeekly": true, "monthsToDeadline": 3},
             "team": {"size": 4, "hasDatabaseSpecialist": false}}""",
            """
            {"label": "admin only", "project": {"framework": "UNDECIDED", "needsAdminInterface": true}}""",
            """
            {"label": "django admin", "project": {"framework": "DJANGO", "needsAdminInterface": true}}""",
            """
            {"label": "fastapi", "project": {"framework": "FASTAPI"}}""",
            """
            {"label": "nothing known"}""");

    @LocalServerPort
    int port;

    private ServiceClient service;

    @DynamicPropertySource
    static void rulesCopyAndAdminToken(DynamicPropertyRegistry registry) {
        ServiceClient.ownServiceReloadedByHand(registry, RULES, TOKEN);
    }

    @BeforeEach
    void connect() {
        service = new ServiceClient(port);
    }

    @Test
    void reportsExactlyTheEvaluationsWhoseVerdictAWeightChangeFlips() throws Exception {
        JsonNode flips = service.evaluate(TIED);
        for (String facts : UNFLIPPABLE) {
            service.evaluate(facts);
        }
        assertThat(flips.at("/verdict/choice").asString()).isEqualTo("NO_CLEAR_WINNER");
        String before = flips.get("rulesVersion").asString();
        raiseTheAdminInterfaceWeightFrom3To6();
        HttpResponse<String> reload = service.post("/api/v1/rules/reload", "", TOKEN);
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        String after = ServiceClient.json(reload).get("version").asString();
        assertThat(after).isNotEqualTo(before);

        long stored = service.getOk("/api/v1/evaluations").get("total").asLong();

        JsonNode replay = replay("{}");

        assertThat(replay.get("rulesVersion").asString()).isEqualTo(after);
        assertThat(replay.get("replayed").asLong()).isEqualTo(stored).isGreaterThanOrEqualTo(6);
        assertThat(replay.get("verdictsChanged").asInt()).as(replay.toString()).isEqualTo(1);
        assertThat(replay.get("changes").findValuesAsString("id")).containsExactly(flips.get("id").asString());
        JsonNode change = replay.at("/changes/0");
        assertThat(change.get("evaluatedAt").asString()).isEqualTo(flips.get("evaluatedAt").asString());
        assertThat(change.get("oldRulesVersion").asString()).isEqualTo(before);
        assertThat(change.at("/old/choice").asString()).isEqualTo("NO_CLEAR_WINNER");
        assertThat(change.at("/old/scores/DJANGO_ORM").asInt()).isEqualTo(5);
        assertThat(change.at("/old/scores/SQLALCHEMY").asInt()).isEqualTo(5);
        assertThat(change.at("/new/choice").asString()).isEqualTo("DJANGO_ORM");
        assertThat(change.at("/new/confidence").asString()).isEqualTo("MEDIUM");
        assertThat(change.at("/new/scores/DJANGO_ORM").asInt()).isEqualTo(8);
        assertThat(change.get("rulesNoLongerFired").valueStream().map(JsonNode::asString))
                .containsExactly("Too close to call");
        assertThat(change.get("rulesNewlyFired").valueStream().map(JsonNode::asString))
                .contains("A modest lead in the evidence wins");
        assertThat(service.getOk("/api/v1/evaluations").get("total").asLong())
                .as("a replay writes no audit record").isEqualTo(stored);
    }

    @Test
    void replaysOnlyTheEvaluationsMatchingItsFiltersUpToTheLimit() throws Exception {
        service.evaluate("{\"label\": \"filtered\", \"project\": {\"framework\": \"FLASK\"}}");
        service.evaluate("{\"label\": \"filtered\", \"project\": {\"framework\": \"FLASK\"}}");

        assertThat(replay("{\"label\": \"filtered\", \"choice\": \"SQLALCHEMY\"}").get("replayed").asInt())
                .isEqualTo(2);
        assertThat(replay("{\"label\": \"filtered\", \"limit\": 1}").get("replayed").asInt()).isEqualTo(1);
        assertThat(replay("{\"label\": \"filtered\", \"choice\": \"DJANGO_ORM\"}").get("replayed").asInt()).isZero();
    }

    @Test
    void refusesAReplayWithoutTheAdminToken() throws Exception {
        assertThat(service.post("/api/v1/replay", "{}", null).statusCode()).isEqualTo(401);
        assertThat(service.post("/api/v1/replay", "{}", "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesFilterValuesItCannotUseWithA400NamingTheField() throws Exception {
        assertRefused("{\"choice\": \"UNDECIDED\"}", "choice");
        assertRefused("{\"from\": \"last week\"}", "from");
        assertRefused("{\"limit\": 10001}", "limit");
        assertRefused("{\"limit\": 0}", "limit");
        assertRefused("{\"lable\": \"typo\"}", "lable");
    }

    private JsonNode replay(String body) throws Exception {
        HttpResponse<String> response = service.post("/api/v1/replay", body, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceClient.json(response);
    }

    private void assertRefused(String body, String field) throws Exception {
        HttpResponse<String> response = service.post("/api/v1/replay", body, TOKEN);

        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo(ProblemHandler.INVALID_REQUEST);
        assertThat(problem.get("field").asString()).as(body).isEqualTo(field);
    }

    private static void raiseTheAdminInterfaceWeightFrom3To6() throws Exception {
        Path factors = RULES.resolve("factors.drl");
        String text = Files.readString(factors);
        int rule = text.indexOf(ADMIN_RULE);
        int weight = text.indexOf("Option.DJANGO_ORM, 3 )", rule);
        assertThat(rule).isNotNegative();
        assertThat(text.substring(rule, weight)).doesNotContain("\nend");
        Files.writeString(factors, text.substring(0, weight) + "Option.DJANGO_ORM, 6 )"
                + text.substring(weight + "Option.DJANGO_ORM, 3 )".length()));
    }
}
