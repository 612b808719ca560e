package dev.ormadvisor.drafts;

import static dev.ormadvisor.ServiceClient.TEAM_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A domain expert's drafts over HTTP against the whole service with its own copy of the rules: checked and
 * replayed off the serving path, published only onto the base they started from, and refused clearly otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftsTest {

    static final Path RULES = ShippedRules.copyToTemporaryFolder();
    static final String TOKEN = "drafts-admin-token";
    static final String DJANGO_APP_RULE = "rule \"Building a Django app means Django ORM\"";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules.dir", RULES::toString);
        registry.add("advisor.rules.quiet-period", () -> "200ms");
        registry.add("advisor.admin.token", () -> TOKEN);
        ServiceClient.ownAuditDatabase(registry);
    }

    ServiceClient service() {
        return new ServiceClient(port);
    }

    @Test
    void aChangedWeightChecksCleanAsANewVersionAndChangesNothingInService() throws Exception {
        JsonNode base = base();
        String changed = file(base, "choose-django-orm.drl").replace(
                "Option.DJANGO_ORM, 5 ) );\n    insert( new DividingLine", "Option.DJANGO_ORM, 6 ) );\n    insert( new DividingLine");

        JsonNode check = ok(post("/check", draft(base, Map.of("choose-django-orm.drl", changed))));

        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("errors")).isEmpty();
        assertThat(check.get("version").asString()).isNotEqualTo(base.get("version").asString());
        assertThat(check.get("baseVersion").asString()).isEqualTo(base.get("version").asString());
        assertThat(check.get("scenarios")).hasSizeGreaterThan(40)
                .allSatisfy(scenario -> assertThat(scenario.get("passed").asBoolean()).isTrue());
        assertThat(check.at("/coverage/total").asInt()).isPositive();
        assertThat(check.at("/diff/rules/added")).isEmpty();
        assertThat(check.at("/diff/rules/removed")).isEmpty();
        assertThat(check.at("/diff/rules/changed")).hasSize(1);
        assertThat(check.at("/diff/rules/changed/0/name").asString()).isEqualTo("Building a Django app means Django ORM");
        assertThat(check.at("/diff/rules/changed/0/changes/0/aspect").asString()).isEqualTo("CONSEQUENCE");
        assertThat(check.at("/diff/files")).hasSize(1);
        assertThat(check.at("/diff/files/0/unifiedDiff").asString()).contains("-    insert( new Evidence( Option.DJANGO_ORM, 5 ) );",
                "+    insert( new Evidence( Option.DJANGO_ORM, 6 ) );");
        assertThat(service().status().get("version").asString()).isEqualTo(base.get("version").asString());
        assertThat(Files.readString(RULES.resolve("choose-django-orm.drl"))).isEqualTo(file(base, "choose-django-orm.drl"));
    }

    @Test
    void aTypoIsReportedAtItsFileAndLine() throws Exception {
        JsonNode base = base();
        String original = file(base, "mistakes.drl");
        int line = lineOf(original, "then");
        String typo = replaceLine(original, line, "thne");

        JsonNode check = ok(post("/check", draft(base, Map.of("mistakes.drl", typo))));

        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("errors")).isNotEmpty().allSatisfy(error ->
                assertThat(error.get("file").asString()).isEqualTo("mistakes.drl"));
        assertThat(check.at("/errors/0/line").asInt()).as(check.toString()).isBetween(line, line + 1);
        assertThat(check.get("scenarios")).isEmpty();
    }

    @Test
    void aScenarioTheDraftBreaksFailsTheCheckSayingWhatWasMissed() throws Exception {
        JsonNode base = base();
        String scenario = """
                name: "A Django app gets SQLAlchemy (wrongly expected)"
                facts: { project: { framework: DJANGO } }
                expect:
                  verdict: SQLALCHEMY
                """;

        JsonNode check = ok(post("/check", draft(base, Map.of("scenarios/wrong-expectation.yaml", scenario))));

        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("errors")).isEmpty();
        JsonNode failed = failedScenarios(check).get(0);
        assertThat(failed.get("file").asString()).isEqualTo("wrong-expectation.yaml");
        assertThat(failed.at("/failures/0").asString()).startsWith("expected verdict SQLALCHEMY but got DJANGO_ORM");
    }

    @Test
    void impactNamesTheAuditedEvaluationWhoseVerdictTheDraftFlips() throws Exception {
        String id = service().evaluate(TEAM_A).get("id").asString();
        JsonNode base = base();
        String flipped = file(base, "choose-django-orm.drl") + ShippedRules.FLIPS_EVERY_VERDICT;
        ObjectNode body = draft(base, Map.of("choose-django-orm.drl", flipped));
        body.put("limit", 50);

        JsonNode impact = ok(post("/impact", body));

        assertThat(impact.get("rulesVersion").asString()).isNotEqualTo(base.get("version").asString());
        JsonNode change = find(impact.get("changes"), "id", id);
        assertThat(change.at("/old/choice").asString()).isEqualTo("DJANGO_ORM");
        assertThat(change.at("/new/choice").asString()).isEqualTo("SQLALCHEMY");
        assertThat(change.get("rulesNewlyFired").toString()).contains("Every project is SQLAlchemy now");
        assertThat(service().status().get("version").asString()).isEqualTo(base.get("version").asString());
    }

    @Test
    void publishPutsTheDraftInServiceAndASecondPublishOnTheSameBaseIsStale() throws Exception {
        JsonNode base = base();
        String scenario = file(base, "scenarios/no-facts-at-all.yaml").replace("name: \"", "name: \"Renamed: ");
        ObjectNode body = draft(base, Map.of("small-teams.drl", ShippedRules.EXTRA_RULE,
                "scenarios/no-facts-at-all.yaml", scenario));

        HttpResponse<String> published = post("/publish", body);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String version = ServiceClient.json(published).get("version").asString();
        assertThat(ServiceClient.json(published).get("previousVersion").asString()).isEqualTo(base.get("version").asString());
        assertThat(service().status().get("version").asString()).as("in service once answered").isEqualTo(version);
        assertThat(Files.readString(RULES.resolve("small-teams.drl"))).isEqualTo(ShippedRules.EXTRA_RULE);
        assertThat(Files.readString(RULES.resolve("scenarios/no-facts-at-all.yaml"))).isEqualTo(scenario);
        try (var leftovers = Files.walk(RULES)) {
            assertThat(leftovers.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith(".draft-"));
        }

        HttpResponse<String> stale = post("/publish", body);

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ServiceClient.json(stale).get("folderVersion").asString()).isEqualTo(version);
        assertThat(ServiceClient.json(stale).at("/diff/rules/added").toString())
                .as("the diff from the base to what the folder holds now").contains("Small teams move faster with Django ORM");
    }

    @Test
    void ofTwoPublishesRacingOnOneBaseOneWinsAndTheOtherIsStale() throws Exception {
        JsonNode base = base();
        String original = file(base, "scenarios/no-facts-at-all.yaml");
        ObjectNode first = draft(base, Map.of("scenarios/no-facts-at-all.yaml", original + "# first\n"));
        ObjectNode second = draft(base, Map.of("scenarios/no-facts-at-all.yaml", original + "# second\n"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (ObjectNode body : List.of(first, second)) {
                answers.add(clients.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return post("/publish", body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            assertThat(statuses).as("a scenario-only change is caught by baseFolder").containsExactlyInAnyOrder(200, 409);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void publishingUnderLoadFailsNoEvaluation() throws Exception {
        ServiceClient service = service();
        Set<String> versionsInService = ConcurrentHashMap.newKeySet();
        versionsInService.add(service.status().get("version").asString());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                answers.add(clients.submit(() -> service.post("/api/v1/evaluations", TEAM_A, null)));
            }
            // Adds a rule no facts can fire, then deletes it: the folder ends as it began, every scenario passing.
            String neverFires = ShippedRules.EXTRA_RULE.replace("Small teams move faster", "Under load: teams")
                    .replace("size <= 5", "size < 0");
            JsonNode added = ok(post("/publish", draft(base(), Map.of("under-load.drl", neverFires))));
            versionsInService.add(added.get("version").asString());
            ObjectNode deletion = draft(base(), Map.of());
            deletion.putArray("deleted").add("under-load.drl");
            versionsInService.add(ok(post("/publish", deletion)).get("version").asString());
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(versionsInService).contains(ServiceClient.json(response).get("rulesVersion").asString());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aDraftThatFailsItsCheckIsNotPublished() throws Exception {
        JsonNode base = base();
        String typo = file(base, "verdict.drl").replace("then", "thne");

        HttpResponse<String> refused = post("/publish", draft(base, Map.of("verdict.drl", typo)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(ServiceClient.json(refused).at("/errors/0/file").asString()).isEqualTo("verdict.drl");
        assertThat(Files.readString(RULES.resolve("verdict.drl"))).isEqualTo(file(base, "verdict.drl"));
    }

    @Test
    void pathsOutsideTheFolderAndFilesTheServiceDoesNotReadAre400NamingThePath() throws Exception {
        JsonNode base = base();
        Path outside = Files.createTempDirectory("outside-the-rules");
        Files.createSymbolicLink(RULES.resolve("elsewhere"), outside);
        try {
            for (String path : List.of("../escape.drl", "/etc/cron.d/job.drl", "notes.txt", "scenarios/../x.drl",
                    "C:/rules/x.drl", ".hidden.drl", "elsewhere/link.drl", "other.yaml")) {
                HttpResponse<String> refused = post("/check", draft(base, Map.of(path, "rule")));

                assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                JsonNode problem = ServiceClient.json(refused);
                assertThat(problem.get("field").asString()).isEqualTo("files[0].path");
                assertThat(problem.get("detail").asString()).contains(path);
            }
            assertThat(Files.list(outside)).isEmpty();
        } finally {
            Files.delete(RULES.resolve("elsewhere"));
        }
        ObjectNode deletesNothing = draft(base, Map.of());
        deletesNothing.putArray("deleted").add("never-there.drl");
        HttpResponse<String> refused = post("/check", deletesNothing);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(refused).get("field").asString()).isEqualTo("deleted[0]");
    }

    @Test
    void aBaseVersionThatNeverExistedIs404() throws Exception {
        ObjectNode body = JSON.createObjectNode().put("baseVersion", "0000000000000000");

        HttpResponse<String> response = post("/check", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(ServiceClient.json(response).get("detail").asString()).contains("0000000000000000");
    }

    @Test
    void aDraftOverOneMebibyteIs413() throws Exception {
        JsonNode base = base();
        HttpResponse<String> response = post("/check", draft(base, Map.of("big.drl", "x".repeat(1_100_000))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void withoutTheAdminTokenNothingIsAnswered() throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("baseVersion", "x"));

        HttpResponse<String> none = service().post("/api/v1/drafts/check", body, null);
        HttpResponse<String> wrong = service().post("/api/v1/drafts/publish", body, "guess");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(service().get("/api/v1/drafts/base").statusCode()).isEqualTo(401);
    }

    // --- helpers

    JsonNode base() throws Exception {
        return ok(service().get("/api/v1/drafts/base", TOKEN));
    }

    HttpResponse<String> post(String action, JsonNode body) throws Exception {
        return service().post("/api/v1/drafts" + action, JSON.writeValueAsString(body), TOKEN);
    }

    static ObjectNode draft(JsonNode base, Map<String, String> files) {
        ObjectNode draft = JSON.createObjectNode();
        draft.put("baseVersion", base.get("version").asString());
        draft.put("baseFolder", base.get("folder").asString());
        ArrayNode list = draft.putArray("files");
        files.forEach((path, text) -> list.addObject().put("path", path).put("text", text));
        return draft;
    }

    static String file(JsonNode base, String path) {
        return find(base.get("files"), "path", path).get("text").asString();
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceClient.json(response);
    }

    static List<JsonNode> failedScenarios(JsonNode check) {
        List<JsonNode> failed = new ArrayList<>();
        check.get("scenarios").forEach(scenario -> {
            if (!scenario.get("passed").asBoolean()) {
                failed.add(scenario);
            }
        });
        return failed;
    }

    static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        return lines.indexOf(line) + 1;
    }

    static String replaceLine(String text, int number, String replacement) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.set(number - 1, replacement);
        return String.join("\n", lines) + "\n";
    }
}
