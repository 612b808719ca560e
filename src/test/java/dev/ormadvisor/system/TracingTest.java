package dev.ormadvisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An auditor joins a decision to the logs around it: the W3C trace id of the request is stored with the evaluation,
 * answered by {@code GET /api/v1/evaluations/{id}} as {@code traceId}, and written in the evaluation's log line
 * (DEBUG). An operator following that trace finds the evaluation, its rule firing and its audit commit as spans.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.dev.ormadvisor.evaluation.EvaluationService=DEBUG")
@Import(TracingTest.ExportedSpans.class)
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class TracingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ServiceClient.ownAuditDatabase(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InMemorySpanExporter exported;

    private ServiceClient service;

    @BeforeEach
    void connect(@LocalServerPort int port) {
        service = new ServiceClient(port);
    }

    @Test
    void aRequestCarryingATraceparentContinuesThatTraceWhoseIdIsStoredAndLogged(CapturedOutput output)
            throws Exception {
        String traceId = randomHex(16);
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-01";

        String id = evaluate(traceparent);

        assertThat(service.getOk("/api/v1/evaluations/" + id).get("traceId").asString()).isEqualTo(traceId);
        assertThat(logLineOf(id, output)).contains(traceId);
    }

    @Test
    void aRequestWithoutTraceparentStartsANewTraceOfItsOwnWhoseIdIsStoredAndLogged(CapturedOutput output)
            throws Exception {
        String first = evaluate(null);
        String second = evaluate(null);

        String firstTrace = service.getOk("/api/v1/evaluations/" + first).get("traceId").asString();
        String secondTrace = service.getOk("/api/v1/evaluations/" + second).get("traceId").asString();
        assertThat(firstTrace).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32)).isNotEqualTo(secondTrace);
        assertThat(logLineOf(first, output)).contains(firstTrace);
        assertThat(logLineOf(second, output)).contains(secondTrace);
    }

    @Test
    void theTraceIdIsKeptBesideTheAnswerNotInItSoTheLeafAndTheAnswerSentAreUnchanged() throws Exception {
        String id = evaluate("00-" + randomHex(16) + "-" + randomHex(8) + "-01");

        String storedAnswer = jdbc.queryForObject("SELECT answer FROM audit_evaluation WHERE id = ?", String.class, id);
        assertThat(ServiceClient.json(storedAnswer).has("traceId")).isFalse();
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
    }

    @Test
    void aRecordWrittenBeforeTraceIdsWereKeptAnswersTraceIdNull() throws Exception {
        String id = evaluate(null);
        // As the V5 migration leaves every record written before it.
        jdbc.update("UPDATE audit_evaluation SET trace_id = NULL WHERE id = ?", id);

        JsonNode stored = service.getOk("/api/v1/evaluations/" + id);

        assertThat(stored.has("traceId")).isTrue();
        assertThat(stored.get("traceId").isNull()).isTrue();
    }

    @Test
    void theTraceHoldsTheEvaluationItsRuleFiringAndItsAuditCommitWithTheirAttributes() throws Exception {
        String traceId = randomHex(16);
        String id = evaluate("00-" + traceId + "-" + randomHex(8) + "-01");
        JsonNode stored = service.getOk("/api/v1/evaluations/" + id);

        SpanData evaluation = awaitSpan(traceId, "evaluate");
        SpanData firing = awaitSpan(traceId, "fire rules");
        SpanData commit = awaitSpan(traceId, "audit commit");

        assertThat(evaluation.getAttributes().get(AttributeKey.stringKey("advisor.evaluation.id"))).isEqualTo(id);
        assertThat(evaluation.getAttributes().get(AttributeKey.stringKey("advisor.verdict")))
                .isEqualTo(stored.at("/verdict/choice").asString());
        assertThat(evaluation.getAttributes().get(AttributeKey.stringKey("advisor.rules.version")))
                .isEqualTo(stored.get("rulesVersion").asString());
        assertThat(firing.getParentSpanId()).isEqualTo(evaluation.getSpanId());
        // Alone in its batch, the evaluation's commit is its child and holds just its leaf.
        String index = evaluation.getAttributes().get(AttributeKey.stringKey("advisor.audit.index"));
        assertThat(commit.getParentSpanId()).isEqualTo(evaluation.getSpanId());
        assertThat(commit.getAttributes().get(AttributeKey.stringKey("advisor.audit.batch.size"))).isEqualTo("1");
        assertThat(commit.getAttributes().get(AttributeKey.stringKey("advisor.audit.indexes")))
                .isEqualTo(index + ".." + index);
    }

    /** Spans are exported in batches, a few seconds apart. */
    private SpanData awaitSpan(String traceId, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var found = exported.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getName().equals(name)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no span '" + name + "' in trace " + traceId + " within 30 s; exported: "
                + exported.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    }

    /** Posts team A, with the traceparent header when one is given, and returns the evaluation's id. */
    private String evaluate(String traceparent) throws Exception {
        HttpResponse<String> response = service.postWithHeaders("/api/v1/evaluations", ServiceClient.TEAM_A,
                traceparent == null ? Map.of() : Map.of("traceparent", traceparent));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceClient.json(response).get("id").asString();
    }

    private static String logLineOf(String evaluationId, CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains("Evaluation " + evaluationId + " answered"))
                .findFirst().orElseThrow(() -> new AssertionError("no log line for evaluation " + evaluationId));
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** Spring Boot hands every SpanExporter bean the finished spans, as it would the OTLP exporter. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ExportedSpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
