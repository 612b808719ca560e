package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reading the audit trail back: a known mix of evaluations, listed and filtered, and the rule set and coverage
 * they leave behind. Nothing here writes after the mix, so every count is exact.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationHistoryTest {

    /** Oldest first, as posted: different labels, frameworks and verdicts, one with a warning. */
    private static final List<String> MIX = List.of(
            """
            {"label": "shop", "project": {"framework": "DJANGO"}}""",
            """
            {"label": "platform", "project": {"framework": "FASTAPI", "databaseCentral": true}}""",
            """
            {"label": "shop", "project": {"framework": "FLASK"}}""",
            """
            {"label": "unknown"}""",
            """
            {"label": "admin", "project": {"framework": "UNDECIDED", "needsAdminInterface": true}}""",
            """
            {"label": "shop", "project": {"framework": "DJANGO"},
             "leaning": {"choice": "SQLALCHEMY", "reasons": ["HYPE"]}}""");

    @LocalServerPort
    int port;

    private ServiceClient service;
    private final List<JsonNode> answers = new ArrayList<>();

    @DynamicPropertySource
    static void auditDatabase(DynamicPropertyRegistry registry) {
        ServiceClient.ownAuditDatabase(registry);
    }

    @BeforeAll
    void postTheMix() throws Exception {
        service = new ServiceClient(port);
        for (String facts : MIX) {
            answers.add(service.evaluate(facts));
        }
    }

    @Test
    void listsEveryEvaluationNewestFirstWithTheSummaryOfItsAnswer() throws Exception {
        JsonNode page = service.getOk("/api/v1/evaluations");

        assertThat(ids(page)).isEqualTo(expected(answer -> true));
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        JsonNode newest = page.get("items").get(0);
        JsonNode answer = answers.get(5);
        assertThat(newest.get("evaluatedAt").asString()).isEqualTo(answer.get("evaluatedAt").asString());
        assertThat(newest.get("label").asString()).isEqualTo("shop");
        assertThat(newest.get("choice").asString()).isEqualTo(answer.at("/verdict/choice").asString());
        assertThat(newest.get("confidence").asString()).isEqualTo(answer.at("/verdict/confidence").asString());
        assertThat(newest.get("rulesVersion").asString()).isEqualTo(answer.get("rulesVersion").asString());
    }

    @ParameterizedTest(name = "choice={0}")
    @ValueSource(strings = {"DJANGO_ORM", "SQLALCHEMY", "NO_CLEAR_WINNER"})
    void filtersByTheVerdictChoice(String choice) throws Exception {
        List<String> expected = expected(answer -> answer.at("/verdict/choice").asString().equals(choice));

        JsonNode page = service.getOk("/api/v1/evaluations?choice=" + choice);

        assertThat(expected).isNotEmpty();
        assertThat(ids(page)).isEqualTo(expected);
        assertThat(page.get("total").asLong()).isEqualTo(expected.size());
    }

    @Test
    void filtersByTheExactLabel() throws Exception {
        assertThat(ids(service.getOk("/api/v1/evaluations?label=shop")))
                .isEqualTo(expected(answer -> answer.get("label").asString().equals("shop"))).hasSize(3);
        assertThat(service.getOk("/api/v1/evaluations?label=Shop").get("total").asLong()).isZero();
        assertThat(service.getOk("/api/v1/evaluations?label=sho").get("total").asLong()).isZero();
    }

    @Test
    void filtersByRulesVersion() throws Exception {
        String version = answers.get(0).get("rulesVersion").asString();

        assertThat(ids(service.getOk("/api/v1/evaluations?rulesVersion=" + version)))
                .isEqualTo(expected(answer -> true));
        assertThat(service.getOk("/api/v1/evaluations?rulesVersion=0000000000000000").get("total").asLong()).isZero();
    }

    @ParameterizedTest(name = "statement={0}")
    @ValueSource(strings = {"DJ-1", "SA-1", "MISTAKE-5", "FACTOR-ADMIN", "VERDICT"})
    void filtersByAStatementOfARuleThatFired(String statement) throws Exception {
        List<String> expected = expected(answer -> statementsOf(answer).contains(statement));

        JsonNode page = service.getOk("/api/v1/evaluations?statement=" + statement);

        assertThat(expected).isNotEmpty();
        assertThat(ids(page)).isEqualTo(expected);
        assertThat(page.get("total").asLong()).isEqualTo(expected.size());
    }

    @Test
    void filtersByATimeWindowFromInclusiveToExclusive() throws Exception {
        String from = answers.get(1).get("evaluatedAt").asString();
        String to = answers.get(4).get("evaluatedAt").asString();

        JsonNode page = service.getOk("/api/v1/evaluations?from=" + from + "&to=" + to);

        assertThat(ids(page)).containsExactly(id(3), id(2), id(1));
        assertThat(page.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void combinesFilters() throws Exception {
        JsonNode page = service.getOk("/api/v1/evaluations?label=shop&choice=DJANGO_ORM&statement=MISTAKE-5");

        assertThat(ids(page)).containsExactly(id(5));
    }

    @Test
    void pagesThroughTheMatchesNewestFirstWithTheTotalOnEveryPage() throws Exception {
        List<String> all = expected(answer -> true);

        JsonNode first = service.getOk("/api/v1/evaluations?size=4");
        JsonNode second = service.getOk("/api/v1/evaluations?size=4&page=1");
        JsonNode beyond = service.getOk("/api/v1/evaluations?size=4&page=2");

        assertThat(ids(first)).isEqualTo(all.subList(0, 4));
        assertThat(ids(second)).isEqualTo(all.subList(4, 6));
        assertThat(ids(beyond)).isEmpty();
        assertThat(List.of(first, second, beyond)).allSatisfy(page -> {
            assertThat(page.get("total").asLong()).isEqualTo(6);
            assertThat(page.get("size").asInt()).isEqualTo(4);
        });
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "choice=django_orm | choice",
            "choice=UNDECIDED | choice",
            "from=yesterday | from",
            "to=2026-13-01T00:00:00Z | to",
            "from=+12026-01-01T00:00:00Z | from",
            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z | to",
            "page=-1 | page",
            "page=first | page",
            "size=0 | size",
            "size=201 | size",
            "colour=red | colour",
            "choice=SQLALCHEMY&choice=DJANGO_ORM | choice",
            "label=shop%00 | label",
            "statement=%00 | statement",
            "rulesVersion=a%00b | rulesVersion"})
    void refusesAFilterOrPageItCannotUseWithA400NamingTheParameter(String query, String parameter) throws Exception {
        HttpResponse<String> response = service.get("/api/v1/evaluations?" + query.replace("+", "%2B"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo(ProblemHandler.INVALID_REQUEST);
        assertThat(problem.get("field").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).contains(parameter);
    }

    @Test
    void namesTheAllowedChoicesWhenTheChoiceIsUnknown() throws Exception {
        JsonNode problem = ServiceClient.json(service.get("/api/v1/evaluations?choice=django"));

        assertThat(problem.at("/errors/0/allowedValues").valueStream().map(JsonNode::asString))
                .containsExactly("DJANGO_ORM", "SQLALCHEMY", "NO_CLEAR_WINNER");
    }

    @Test
    void answersAnUnknownEvaluationIdWith404Problem() throws Exception {
        HttpResponse<String> response = service.get("/api/v1/evaluations/no-such-id");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo(ProblemHandler.TYPE_PREFIX + "not-found");
        assertThat(problem.get("detail").asString()).contains("no-such-id");
    }

    @Test
    void keepsTheExactTextOfTheRuleSetThatAnswered() throws Exception {
        String version = answers.get(0).get("rulesVersion").asString();

        JsonNode snapshot = service.getOk("/api/v1/rulesets/" + version);

        assertThat(snapshot.get("version").asString()).isEqualTo(version);
        assertThat(snapshot.get("firstServedAt").asString()).isEqualTo(answers.get(0).get("evaluatedAt").asString());
        Map<String, String> stored = new LinkedHashMap<>();
        snapshot.get("files").forEach(file -> stored.put(file.get("path").asString(), file.get("text").asString()));
        assertThat(stored).containsExactlyEntriesOf(ruleFilesOnDisk());
    }

    @Test
    void answersARuleSetVersionThatNeverServedWith404Problem() throws Exception {
        HttpResponse<String> response = service.get("/api/v1/rulesets/0123456789abcdef");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ServiceClient.json(response).get("type").asString())
                .isEqualTo(ProblemHandler.TYPE_PREFIX + "not-found");
    }

    @Test
    void countsForEachCurrentRuleTheEvaluationsItFiredIn() throws Exception {
        String from = answers.get(0).get("evaluatedAt").asString();

        JsonNode coverage = service.getOk("/api/v1/rules/coverage?from=" + from);

        List<String> currentRules = service.getOk("/api/v1/rules").get("rules").findValuesAsString("name");
        assertThat(coverage.get("from").asString()).isEqualTo(from);
        assertThat(coverage.get("to").isNull()).isTrue();
        assertThat(coverage.get("evaluations").asLong()).isEqualTo(6);
        assertThat(coverage.get("rules").findValuesAsString("name")).isEqualTo(currentRules);
        List<String> neverFired = new ArrayList<>();
        for (JsonNode rule : coverage.get("rules")) {
            String name = rule.get("name").asString();
            long firedIn = answers.stream().filter(answer -> firedRules(answer).contains(name)).count();
            assertThat(rule.get("evaluations").asLong()).as(name).isEqualTo(firedIn);
            assertThat(rule.get("file").asString()).matches(".*\\.drl(\\.csv)?");
            assertThat(rule.get("line").asInt()).isPositive();
            if (firedIn == 0) {
                neverFired.add(name);
            }
        }
        assertThat(coverage.get("neverFired").valueStream().map(JsonNode::asString)).isEqualTo(neverFired)
                .isNotEmpty();
    }

    @Test
    void listsEveryRuleAsNeverFiredInAWindowWithoutEvaluations() throws Exception {
        JsonNode coverage = service.getOk("/api/v1/rules/coverage?to=2000-01-01T00:00:00Z");

        assertThat(coverage.get("evaluations").asLong()).isZero();
        assertThat(coverage.get("neverFired").valueStream().map(JsonNode::asString))
                .isEqualTo(coverage.get("rules").findValuesAsString("name"));
    }

    @Test
    void refusesACoverageWindowItCannotRead() throws Exception {
        HttpResponse<String> response = service.get("/api/v1/rules/coverage?from="
                + URLEncoder.encode("24/11/2026", StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(response).get("field").asString()).isEqualTo("from");
    }

    private String id(int posted) {
        return answers.get(posted).get("id").asString();
    }

    private List<String> expected(Predicate<JsonNode> matching) {
        List<String> newestFirst = new ArrayList<>();
        for (JsonNode answer : answers) {
            if (matching.test(answer)) {
                newestFirst.add(0, answer.get("id").asString());
            }
        }
        return newestFirst;
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsString("id");
    }

    private static List<String> firedRules(JsonNode answer) {
        return answer.get("firedRules").findValuesAsString("name");
    }

    private static List<String> statementsOf(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.get("firedRules").forEach(rule -> rule.get("statements").forEach(key -> keys.add(key.asString())));
        return keys;
    }

    private static Map<String, String> ruleFilesOnDisk() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(ShippedRules.DIR)) {
            for (Path path : paths.filter(path -> path.toString().matches(".*\\.drl(\\.csv)?")).toList()) {
                files.put(ShippedRules.DIR.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }
}
