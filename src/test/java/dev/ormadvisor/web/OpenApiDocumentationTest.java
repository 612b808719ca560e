package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.evaluation.EvaluationRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published API documentation, checked against the request records so that it cannot drift from them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "advisor.rules.dir=src/test/resources/web-rules")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @LocalServerPort
    int port;

    private JsonNode docs;

    @BeforeAll
    void fetchTheDocumentation() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        docs = JSON.readTree(response.body());
    }

    @Test
    void describesEveryFieldOfTheRequestAndListsTheValuesOfEveryEnum() {
        List<String> documented = new ArrayList<>();
        checkDescribed(EvaluationRequest.class, schema("EvaluationRequest"), "", documented);

        assertThat(documented).contains("label", "project.framework", "team.size", "leaning.reasons")
                .hasSize(FactsDocumentation.MEANINGS.size());
    }

    @Test
    void showsTheArticlesTeamsAAndBAsRequestExamples() {
        JsonNode examples = evaluate().at("/requestBody/content/application~1json/examples");

        assertThat(examples.get("teamA").get("value")).isEqualTo(JSON.readTree(Path.of("examples/team-a.json")));
        assertThat(examples.get("teamB").get("value")).isEqualTo(JSON.readTree(Path.of("examples/team-b.json")));
        assertThat(examples.get("teamA").get("summary").asString()).isEqualTo("Article team A: early-stage B2B SaaS");
    }

    @Test
    void documentsTheProblemAnswersOfAnEvaluation() {
        JsonNode responses = evaluate().get("responses");

        assertThat(responses.at("/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/EvaluationReport");
        for (String status : List.of("400", "413", "415", "500", "503")) {
            JsonNode problem = responses.get(status);
            assertThat(problem).as(status).isNotNull();
            assertThat(problem.get("description").asString()).as(status).isNotBlank();
            assertThat(problem.at("/content/application~1problem+json/schema/$ref").asString()).as(status)
                    .isEqualTo("#/components/schemas/Problem");
        }
        assertThat(names(schema("Problem").get("properties")))
                .contains("type", "title", "status", "detail", "instance", "field", "errors")
                .doesNotContain("properties");
        assertThat(names(schema("FieldProblem").get("properties")))
                .containsExactly("field", "message", "allowedValues", "knownFields");
    }

    @Test
    void documentsTheExplainParameterAndTheWhatIfItAdds() {
        JsonNode explain = StreamSupport.stream(evaluate().get("parameters").spliterator(), false)
                .filter(parameter -> parameter.get("name").asString().equals("explain")).findFirst().orElseThrow();

        assertThat(explain.get("in").asString()).isEqualTo("query");
        assertThat(explain.get("required").asBoolean()).isFalse();
        assertThat(strings(explain.at("/schema/enum"))).containsExactly("what-if");
        assertThat(schema("EvaluationReport").at("/properties/whatIf/description").asString()).contains("what-if");
        assertThat(names(schema("VerdictFlip").get("properties"))).containsExactly("fact", "from", "to", "verdict");
        assertThat(evaluate().get("parameters")).hasSize(1);
    }

    @Test
    void documentsTheInstancesAndWhatTheirStatusMeans() {
        JsonNode instances = docs.at("/paths/~1api~1v1~1instances/get");

        assertThat(instances.get("summary").asString()).isNotBlank();
        assertThat(instances.at("/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/InstancesOverview");
        JsonNode instance = schema("InstanceView").get("properties");
        assertThat(strings(instance.at("/status/enum"))).containsExactly("LIVE", "SILENT", "STOPPED");
        assertThat(instance.at("/status/description").asString()).contains("SILENT");
        assertThat(schema("InstancesOverview").at("/properties/latestRulesVersion/description").asString())
                .isNotBlank();
    }

    @Test
    void documentsEveryDraftsEndpointBehindTheAdminBearerToken() {
        assertThat(docs.at("/components/securitySchemes/adminToken/scheme").asString()).isEqualTo("bearer");
        for (String path : List.of("/api/v1/drafts/base", "/api/v1/drafts/scenario")) {
            JsonNode get = docs.get("paths").get(path).get("get");
            assertThat(get.get("summary").asString()).as(path).isNotBlank();
            assertThat(get.at("/security/0/adminToken").isArray()).as(path).isTrue();
        }
        for (String action : List.of("check", "impact", "publish")) {
            JsonNode post = docs.get("paths").get("/api/v1/drafts/" + action).get("post");
            assertThat(post.get("summary").asString()).as(action).isNotBlank();
            assertThat(post.get("description").asString()).as(action).isNotBlank();
            assertThat(post.at("/security/0/adminToken").isArray()).as(action).isTrue();
        }
        assertThat(docs.at("/paths/~1api~1v1~1drafts~1publish/post/responses").propertyNames())
                .contains("200", "409", "422");
        assertThat(schema("DraftCheck").get("properties").propertyNames())
                .contains("ok", "version", "errors", "scenarios", "coverage", "diff");
        assertThat(schema("DraftImpactRequest").at("/properties/limit/default").asInt()).isEqualTo(1000);
    }

    @Test
    void documentsTheRuleSetDiffAndBundle() {
        JsonNode diff = docs.at("/paths/~1api~1v1~1rulesets~1{from}~1diff~1{to}/get");
        JsonNode bundle = docs.at("/paths/~1api~1v1~1rulesets~1{version}~1bundle/get");

        assertThat(diff.get("summary").asString()).isNotBlank();
        assertThat(diff.get("description").asString()).contains("CONSEQUENCE", "unified diff", "statement keys");
        assertThat(diff.at("/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/RuleSetDiff");
        assertThat(diff.at("/responses/404/description").asString()).contains("parameter");
        assertThat(diff.get("parameters").findValuesAsString("name")).containsExactly("from", "to");
        assertThat(bundle.get("description").asString()).contains("statements.yaml", "scenarios/", ".drl.xlsx");
        assertThat(bundle.at("/responses/200/content").has("application/gzip")).isTrue();
        assertThat(schema("Problem").at("/properties/parameter/description").asString()).contains("404");
    }

    @Test
    void servesSwaggerUi() throws Exception {
        HttpResponse<String> page = get("/swagger-ui.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    /** Walks the record's components: each must be a documented property, with the enum's values if it has one. */
    private void checkDescribed(Class<?> type, JsonNode schema, String prefix, List<String> documented) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            JsonNode property = schema.get("properties").get(component.getName());
            assertThat(property).as("%s is in the documentation", path).isNotNull();
            assertThat(property.path("description").asString()).as("description of %s", path).isNotBlank();
            Class<?> valueType = component.getType();
            if (valueType.isRecord()) {
                JsonNode section = schema(property.get("$ref").asString().replace("#/components/schemas/", ""));
                assertThat(section.path("description").asString()).as("description of %s", path).isNotBlank();
                checkDescribed(valueType, section, path + ".", documented);
            } else if (valueType.isEnum()) {
                assertThat(strings(property.get("enum"))).as("values of %s", path).containsExactlyElementsOf(
                        constants(valueType));
            } else if (valueType == List.class) {
                Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType())
                        .getActualTypeArguments()[0];
                assertThat(strings(property.at("/items/enum"))).as("values of %s", path)
                        .containsExactlyElementsOf(constants(element));
            }
            documented.add(path);
        }
    }

    private JsonNode evaluate() {
        return docs.at("/paths/~1api~1v1~1evaluations/post");
    }

    private JsonNode schema(String name) {
        JsonNode schema = docs.get("components").get("schemas").get(name);
        assertThat(schema).as("schema %s", name).isNotNull();
        return schema;
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("%s is a list", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
