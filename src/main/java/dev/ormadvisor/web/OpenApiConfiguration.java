package dev.ormadvisor.web;

import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.VerdictFlip;
import dev.ormadvisor.facts.FieldProblem;
import dev.ormadvisor.instances.InstancesOverview;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). springdoc derives the shapes
 * and the enums' allowed values from the records; this adds what the records cannot say without depending on
 * springdoc: the meaning of every request field ({@link FactsDocumentation}) and the article's teams A and B, read
 * from the packaged {@code examples/} files, as request examples.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    /** The security scheme of the management endpoints: {@code Authorization: Bearer <ADVISOR_ADMIN_TOKEN>}. */
    static final String ADMIN_TOKEN = "adminToken";

    static final Map<String, String> REQUEST_EXAMPLES = Map.of(
            "teamA", "examples/team-a.json",
            "teamB", "examples/team-b.json");

    /** The problems {@link ProblemHandler} answers a POST of facts with, by status. */
    static final Map<String, String> EVALUATION_PROBLEMS = Map.of(
            "400", "The body is not exactly the documented shape (unknown field, wrong type, enum value outside"
                    + " the list, negative number, malformed JSON, duplicate key), or explain is not what-if:"
                    + " field and errors[] name what to fix, allowedValues lists the values allowed",
            "413", "The body is over 1 MiB (maxBytes)",
            "415", "The Content-Type is not application/json (supportedMediaTypes)",
            "500", "The rules failed on these facts (rule names the rule), or the service failed unexpectedly",
            "503", "The answer could not be committed to the audit trail, so it is not given: retry after"
                    + " Retry-After seconds");

    @Bean
    OpenAPI apiInfo() {
        return new OpenAPI().components(new Components().addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("advisor.admin.token (ADVISOR_ADMIN_TOKEN); never a cookie")))
                .info(new Info().title("orm-advisor").version("v1").description("""
                Django ORM or SQLAlchemy? Post the facts about one project and get the verdict, the scores \
                behind it, every rule that fired (each tied to the article statement it encodes) and warnings \
                about common decision mistakes. Every fact is optional: missing or null means unknown."""));
    }

    @Bean
    OpenApiCustomizer factsDocumentation() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            describe(schemas, EvaluationRequest.class, "");
            describeWhatIf(schemas);
            describeInstances(schemas);
            describeRules(schemas);
            describeProblems(schemas);
            Operation evaluate = openApi.getPaths().get("/api/v1/evaluations").getPost();
            evaluate.getRequestBody().getContent().get(MediaType.APPLICATION_JSON_VALUE)
                    .setExamples(requestExamples());
            EVALUATION_PROBLEMS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(problem -> evaluate.getResponses().addApiResponse(problem.getKey(),
                            new ApiResponse().description(problem.getValue()).content(new Content().addMediaType(
                                    MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media
                                            .MediaType().schema(new Schema<>().$ref(PROBLEM))))));
        };
    }

    /**
     * A problem as {@link ProblemHandler} writes it. Spring's ProblemDetail keeps its extra members in a map that
     * Jackson writes flat, so the schema springdoc derives from the class would show a {@code properties} member
     * that is never sent, and none of the members that are.
     */
    private static void describeProblems(Map<String, Schema> schemas) {
        Schema<Object> fieldProblem = new ObjectSchema()
                .description("One thing wrong with the request.")
                .addProperty("field", new StringSchema().description("The dotted path of the field"
                        + " (project.framework, leaning.reasons[1]), the query parameter, or \"\" for the body"
                        + " as a whole."))
                .addProperty("message", new StringSchema().description("What is wrong with it."))
                .addProperty("allowedValues", new ArraySchema().items(new StringSchema())
                        .description("The values allowed, for an enum field or a query parameter."))
                .addProperty("knownFields", new ArraySchema().items(new StringSchema())
                        .description("The fields known at that place, for an unknown field."));
        schemas.put(FieldProblem.class.getSimpleName(), fieldProblem);
        Schema<Object> problem = new ObjectSchema()
                .description("An RFC 9457 problem (application/problem+json); never a stack trace.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("urn:orm-advisor:problem:..., e.g. invalid-request, request-too-large,"
                                + " rule-base-failure, audit-unavailable."))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, in plain words."))
                .addProperty("instance", new StringSchema().format("uri").description("The request path."))
                .addProperty("field", new StringSchema().description("400: the field of the first error."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(FieldProblem.class.getSimpleName()))
                        .description("400: every problem found."))
                .addProperty("parameter", new StringSchema().description("404: the path parameter that names"
                        + " nothing stored, where one does (e.g. from, to or version of a rule set)."))
                .addProperty("maxBytes", new IntegerSchema().description("413: the size limit in bytes."))
                .addProperty("supportedMediaTypes", new ArraySchema().items(new StringSchema())
                        .description("415: the Content-Types accepted."))
                .addProperty("rule", new StringSchema().description("500: the rule that failed, when one did."));
        schemas.put(PROBLEM, problem);
    }

    /** Every component of the record and of the records it holds, by its dotted path in the request. */
    private static void describe(Map<String, Schema> schemas, Class<?> type, String prefix) {
        Schema<?> schema = schemaOf(schemas, type);
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            String meaning = FactsDocumentation.MEANINGS.get(path);
            Schema<?> property = schema.getProperties().get(component.getName());
            if (component.getType().isRecord()) {
                // A section is a $ref, whose siblings tools ignore: its own schema carries the meaning too.
                schemaOf(schemas, component.getType()).setDescription(meaning);
                describe(schemas, component.getType(), path + ".");
            }
            property.setDescription(meaning);
        }
    }

    private static void describeWhatIf(Map<String, Schema> schemas) {
        schemaOf(schemas, EvaluationReport.class).getProperties().get("whatIf").setDescription("""
                Only with ?explain=what-if: each single-fact change that would change the verdict's choice, \
                strongest first (firmest new verdict: a recommendation before no clear winner, then by \
                confidence, then by the new choice's lead in the scores).""");
        Map<String, Schema> flip = schemaOf(schemas, VerdictFlip.class).getProperties();
        flip.get("fact").setDescription("The fact changed, as a dotted path, e.g. project.framework.");
        flip.get("from").setDescription("Its value in the facts as given (null = unknown): a boolean, an enum"
                + " constant, a number, or for leaning.reasons the list of reasons.");
        flip.get("to").setDescription("The value tried instead, of the same kind.");
        flip.get("verdict").setDescription("What the same rule set answers with that one change.");
    }

    /** Rules and their errors come from .drl files and from decision tables (.drl.csv, .drl.xlsx) alike. */
    private static void describeRules(Map<String, Schema> schemas) {
        Map<String, Schema> rule = schemaOf(schemas, RulesResponse.RuleView.class).getProperties();
        rule.get("file").setDescription("The file it is written in, relative to the rules folder: a .drl file or a"
                + " decision table (.drl.csv, .drl.xlsx).");
        rule.get("line").setDescription("1-based line of its rule keyword; for a decision table, the spreadsheet"
                + " row it is written in.");
        Map<String, Schema> error = schemaOf(schemas, RulesStatusResponse.ErrorView.class).getProperties();
        error.get("file").setDescription("The file at fault, relative to the rules folder.");
        error.get("line").setDescription("1-based line; for a decision table, the spreadsheet row as the"
                + " spreadsheet numbers it, never a line of the DRL generated from it. 0 when no line applies.");
        error.get("column").setDescription("For a decision table, the column's letters (e.g. D) when one column is"
                + " to blame; null otherwise.");
    }

    private static void describeInstances(Map<String, Schema> schemas) {
        Map<String, Schema> overview = schemaOf(schemas, InstancesOverview.class).getProperties();
        overview.get("latestRulesVersion").setDescription("The rule set version most recently put into service by"
                + " a live instance: after an edit of the shared rules folder, the new one. null while no instance"
                + " is live.");
        overview.get("allLiveOnLatestRules").setDescription("Whether every LIVE instance serves latestRulesVersion:"
                + " the one value to alert on.");
        Map<String, Schema> instance = schemaOf(schemas, InstancesOverview.InstanceView.class).getProperties();
        instance.get("id").setDescription("advisor.instance.id (ADVISOR_INSTANCE_ID), also in the instance's"
                + " /actuator/health details.");
        instance.get("status").setDescription("LIVE: heard from within three of its heartbeats. SILENT: three"
                + " heartbeats missed without a graceful stop (killed, hung, or cut off from the database)."
                + " STOPPED: shut down gracefully.");
        instance.get("lastSeen").setDescription("Its last heartbeat, by its own clock.");
        instance.get("rulesVersion").setDescription("The rule set version it serves.");
        instance.get("rulesInServiceSince").setDescription("When that version went into service on it.");
        instance.get("onLatestRules").setDescription("Whether rulesVersion is latestRulesVersion.");
        instance.get("lastReload").setDescription("Its last attempt to load the rules folder; the errors of a"
                + " rejected one are in its own GET /api/v1/rules/status.");
    }

    private static Schema<?> schemaOf(Map<String, Schema> schemas, Class<?> type) {
        Schema<?> schema = schemas.get(type.getSimpleName());
        if (schema == null) {
            throw new IllegalStateException("The API documentation has no schema named " + type.getSimpleName());
        }
        return schema;
    }

    private static Map<String, Example> requestExamples() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Example> examples = new LinkedHashMap<>();
        REQUEST_EXAMPLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(example -> {
            try (InputStream file = new ClassPathResource(example.getValue()).getInputStream()) {
                Map<String, Object> body = json.readValue(file, new TypeReference<LinkedHashMap<String, Object>>() {
                });
                examples.put(example.getKey(), new Example().summary(String.valueOf(body.get("label")))
                        .description("From " + example.getValue() + ".").value(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return examples;
    }
}
