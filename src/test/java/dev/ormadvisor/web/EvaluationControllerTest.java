package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.conclusions.Confidence;
import dev.ormadvisor.conclusions.Evidence;
import dev.ormadvisor.conclusions.Option;
import dev.ormadvisor.conclusions.Scores;
import dev.ormadvisor.conclusions.Verdict;
import dev.ormadvisor.conclusions.Warning;
import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.EvaluationFailedException;
import dev.ormadvisor.engine.FiredRule;
import dev.ormadvisor.engine.RaisedWarning;
import dev.ormadvisor.engine.RuleDefinition;
import dev.ormadvisor.engine.RuleKind;
import dev.ormadvisor.evaluation.Evaluation;
import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationReport.VerdictView;
import dev.ormadvisor.evaluation.EvaluationService.RecordedAnswer;
import dev.ormadvisor.transparency.Receipt;
import dev.ormadvisor.evaluation.EvaluationService.WhatIfEvaluation;
import dev.ormadvisor.evaluation.EvaluationService;
import dev.ormadvisor.evaluation.VerdictFlip;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.Framework;
import dev.ormadvisor.facts.LeaningChoice;
import dev.ormadvisor.facts.LeaningReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(EvaluationController.class)
@Import({StrictJsonConfiguration.class, RequestBodyLimitConfiguration.class})
class EvaluationControllerTest {

    private static final String URL = "/api/v1/evaluations";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EvaluationService evaluations;

    @Nested
    class Answers {

        @Test
        void anEmptyObjectAsAllFactsUnknown() throws Exception {
            givenAnEvaluation();

            JsonNode body = okBody(evaluate("{}"));

            verify(evaluations).evaluate(null, Facts.NONE, "{}");
            assertThat(body.get("verdict").get("choice").asString()).isEqualTo("DJANGO_ORM");
        }

        @Test
        void nullForAFieldAsUnknown() throws Exception {
            givenAnEvaluation();

            okBody(evaluate("""
                    {"label": null, "project": {"framework": null, "monthsToDeadline": null}, "team": null,
                     "leaning": {"choice": null, "reasons": null}}"""));

            verify(evaluations).evaluate(isNull(), eq(Facts.NONE), anyString());
        }

        @Test
        void emptySectionsAndAnEmptyReasonList() throws Exception {
            givenAnEvaluation();

            okBody(evaluate("""
                    {"project": {}, "team": {}, "leaning": {"reasons": []}}"""));

            verify(evaluations).evaluate(isNull(), eq(Facts.NONE), anyString());
        }

        @Test
        void withTheFactsAsSent() throws Exception {
            givenAnEvaluation();

            okBody(evaluate("""
                    {"label": "shop", "project": {"framework": "DJANGO", "mostlyCrud": true, "monthsToDeadline": 3},
                     "team": {"size": 4, "knowsDjango": false},
                     "leaning": {"choice": "SQLALCHEMY", "reasons": ["HYPE", "SEEMS_MORE_ADVANCED"]}}"""));

            ArgumentCaptor<Facts> facts = ArgumentCaptor.forClass(Facts.class);
            verify(evaluations).evaluate(eq("shop"), facts.capture(), anyString());
            assertThat(facts.getValue().project().framework()).isEqualTo(Framework.DJANGO);
            assertThat(facts.getValue().project().mostlyCrud()).isTrue();
            assertThat(facts.getValue().project().monthsToDeadline()).isEqualTo(3);
            assertThat(facts.getValue().project().needsAdminInterface()).isNull();
            assertThat(facts.getValue().team().size()).isEqualTo(4);
            assertThat(facts.getValue().team().knowsDjango()).isFalse();
            assertThat(facts.getValue().leaning().choice()).isEqualTo(LeaningChoice.SQLALCHEMY);
            assertThat(facts.getValue().leaning().reasons())
                    .containsExactly(LeaningReason.HYPE, LeaningReason.SEEMS_MORE_ADVANCED);
        }

        @Test
        void inTheShapeOfTheContract() throws Exception {
            givenAnEvaluation();

            MockHttpServletResponse response = evaluate("{\"label\": \"shop\"}");
            JsonNode body = okBody(response);

            assertThat(body.get("id").asString()).isEqualTo("e-1");
            assertThat(body.get("rulesVersion").asString()).isEqualTo("v1");
            assertThat(body.get("evaluatedAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(body.get("label").asString()).isEqualTo("shop");
            JsonNode verdict = body.get("verdict");
            assertThat(verdict.get("choice").asString()).isEqualTo("DJANGO_ORM");
            assertThat(verdict.get("confidence").asString()).isEqualTo("HIGH");
            assertThat(fieldNames(verdict.get("scores"))).containsExactly("DJANGO_ORM", "SQLALCHEMY");
            assertThat(verdict.get("scores").get("DJANGO_ORM").asInt()).isEqualTo(5);
            assertThat(verdict.get("scores").get("SQLALCHEMY").asInt()).isZero();
            JsonNode fired = body.get("firedRules");
            assertThat(fired.size()).isEqualTo(2);
            assertThat(fired.get(0).get("name").asString()).isEqualTo("Django project");
            assertThat(fired.get(0).get("statements").get(0).asString()).isEqualTo("DJ-1");
            assertThat(fired.get(0).get("kind").asString()).isEqualTo("CHOOSE");
            assertThat(fired.get(0).get("explanation").asString()).isEqualTo("Django ships its ORM.");
            assertThat(fired.get(0).get("file").asString()).isEqualTo("choose-django-orm.drl");
            JsonNode receipt = body.get("receipt");
            assertThat(fieldNames(receipt)).containsExactly("log", "origin", "index", "leafHash", "checkpoint",
                    "inclusionProof");
            assertThat(receipt.get("index").asLong()).isEqualTo(41);
            assertThat(receipt.get("inclusionProof").get(0).asString()).isEqualTo("c2libGluZw==");
            assertThat(fired.get(0).get("evidence").get(0).get("option").asString()).isEqualTo("DJANGO_ORM");
            assertThat(fired.get(0).get("evidence").get(0).get("weight").asInt()).isEqualTo(5);
            assertThat(fired.get(1).get("name").asString()).isEqualTo("Hype");
            JsonNode warning = body.get("warnings").get(0);
            assertThat(warning.get("statement").asString()).isEqualTo("MISTAKE-1");
            assertThat(warning.get("rule").asString()).isEqualTo("Hype");
            assertThat(warning.get("message").asString()).isEqualTo("Hype is no reason.");
            assertThat(warning.get("kind").asString()).isEqualTo("MISTAKE");
            assertThat(warning.get("explanation").asString()).isEqualTo("Leaning on hype.");
            assertThat(warning.get("file").asString()).isEqualTo("mistakes.drl");
        }
    }

    @Nested
    class RejectsUnknownFields {

        @Test
        void atTheTopLevelAndListsTheKnownOnes() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"colour\": \"blue\"}"), "colour");

            assertThat(strings(problem.get("errors").get(0).get("knownFields")))
                    .containsExactly("label", "leaning", "project", "team");
        }

        @Test
        void insideASection() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"project\": {\"framwork\": \"DJANGO\"}}"), "project.framwork");

            assertThat(strings(problem.get("errors").get(0).get("knownFields"))).contains("framework", "type");
        }
    }

    @Nested
    class RejectsWrongTypes {

        @Test
        void aStringWhereABooleanIsExpected() throws Exception {
            badRequest(evaluate("{\"project\": {\"mostlyCrud\": \"yes\"}}"), "project.mostlyCrud");
        }

        @Test
        void aQuotedBooleanWhereABooleanIsExpected() throws Exception {
            badRequest(evaluate("{\"project\": {\"mostlyCrud\": \"true\"}}"), "project.mostlyCrud");
        }

        @Test
        void aNumberWhereABooleanIsExpected() throws Exception {
            badRequest(evaluate("{\"team\": {\"knowsDjango\": 1}}"), "team.knowsDjango");
        }

        @Test
        void aStringWhereANumberIsExpected() throws Exception {
            badRequest(evaluate("{\"team\": {\"size\": \"4\"}}"), "team.size");
        }

        @Test
        void aFractionWhereAWholeNumberIsExpected() throws Exception {
            badRequest(evaluate("{\"team\": {\"size\": 4.5}}"), "team.size");
        }

        @Test
        void aWholeFractionWhereAWholeNumberIsExpected() throws Exception {
            badRequest(evaluate("{\"team\": {\"size\": 4.0}}"), "team.size");
        }

        @Test
        void aBooleanWhereANumberIsExpected() throws Exception {
            badRequest(evaluate("{\"project\": {\"monthsToDeadline\": true}}"), "project.monthsToDeadline");
        }

        @Test
        void anEmptyStringWhereANumberIsExpected() throws Exception {
            badRequest(evaluate("{\"project\": {\"monthsToDeadline\": \"\"}}"), "project.monthsToDeadline");
        }

        @Test
        void aNumberWhereAStringIsExpected() throws Exception {
            badRequest(evaluate("{\"label\": 42}"), "label");
        }

        @Test
        void aBooleanWhereAStringIsExpected() throws Exception {
            badRequest(evaluate("{\"label\": false}"), "label");
        }

        @Test
        void anObjectWhereAStringIsExpected() throws Exception {
            badRequest(evaluate("{\"label\": {}}"), "label");
        }

        @Test
        void anArrayWhereAnObjectIsExpected() throws Exception {
            badRequest(evaluate("{\"project\": []}"), "project");
        }

        @Test
        void aStringWhereAnObjectIsExpected() throws Exception {
            badRequest(evaluate("{\"team\": \"big\"}"), "team");
        }

        @Test
        void anEmptyStringWhereAnObjectIsExpected() throws Exception {
            badRequest(evaluate("{\"team\": \"\"}"), "team");
        }

        @Test
        void aSingleValueWhereAnArrayIsExpected() throws Exception {
            badRequest(evaluate("{\"leaning\": {\"reasons\": \"HYPE\"}}"), "leaning.reasons");
        }

        @Test
        void anObjectWhereAnArrayIsExpected() throws Exception {
            badRequest(evaluate("{\"leaning\": {\"reasons\": {}}}"), "leaning.reasons");
        }
    }

    @Nested
    class RejectsEnumValues {

        @Test
        void outsideTheListAndListsTheAllowedOnes() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"project\": {\"framework\": \"RAILS\"}}"), "project.framework");

            assertThat(strings(problem.get("errors").get(0).get("allowedValues")))
                    .containsExactly("DJANGO", "FLASK", "FASTAPI", "OTHER", "NONE", "UNDECIDED");
        }

        @Test
        void inLowerCase() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"project\": {\"framework\": \"django\"}}"),
                    "project.framework");

            assertThat(strings(problem.get("errors").get(0).get("allowedValues"))).contains("DJANGO");
        }

        @Test
        void givenAsANumber() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"team\": {\"experience\": 0}}"), "team.experience");

            assertThat(strings(problem.get("errors").get(0).get("allowedValues")))
                    .containsExactly("BEGINNER", "MIXED", "EXPERIENCED");
        }

        @Test
        void givenAsAnEmptyString() throws Exception {
            badRequest(evaluate("{\"project\": {\"architecture\": \"\"}}"), "project.architecture");
        }

        @Test
        void insideAListAndNamesTheIndex() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"leaning\": {\"reasons\": [\"HYPE\", \"FASHION\"]}}"),
                    "leaning.reasons[1]");

            assertThat(strings(problem.get("errors").get(0).get("allowedValues"))).contains("HYPE", "PROJECT_FIT");
        }
    }

    @Nested
    class RejectsOutOfRangeValues {

        @Test
        void aNegativeTeamSize() throws Exception {
            badRequest(evaluate("{\"team\": {\"size\": -1}}"), "team.size");
        }

        @Test
        void aNegativeDeadline() throws Exception {
            badRequest(evaluate("{\"project\": {\"monthsToDeadline\": -3}}"), "project.monthsToDeadline");
        }

        @Test
        void aNumberTooLargeForAnInteger() throws Exception {
            badRequest(evaluate("{\"project\": {\"monthsToDeadline\": 99999999999}}"), "project.monthsToDeadline");
        }

        /** The parser refuses the number before binding reaches the field: the parser's position names it. */
        @Test
        void aNumberWithMoreDigitsThanTheParserAccepts() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"project\": {\"monthsToDeadline\": 1" + "0".repeat(30) + "}}"),
                    "project.monthsToDeadline");

            assertThat(problem.get("detail").asString()).contains("number longer than 20");
        }

        @Test
        void aTeamSizeWithMoreDigitsThanTheParserAccepts() throws Exception {
            badRequest(evaluate("{\"team\":{\"size\":99999999999999999999999}}"), "team.size");
        }

        @Test
        void aNegativeNumberWithMoreDigitsThanTheParserAccepts() throws Exception {
            badRequest(evaluate("{\"team\": {\"knowsDjango\": true, \"size\": -99999999999999999999999}}"),
                    "team.size");
        }

        @Test
        void aFractionWithMoreDigitsThanTheParserAccepts() throws Exception {
            badRequest(evaluate("{\"project\": {\"monthsToDeadline\": 0." + "1".repeat(30) + "}}"),
                    "project.monthsToDeadline");
        }

        @Test
        void aNumberWithAHugeExponent() throws Exception {
            badRequest(evaluate("{\"team\": {\"size\": 1e999999999}}"), "team.size");
        }

        @Test
        void aTooLongNumberInsideTheReasons() throws Exception {
            badRequest(evaluate("{\"leaning\": {\"reasons\": [\"HYPE\", 1" + "0".repeat(30) + "]}}"),
                    "leaning.reasons[1]");
        }

        @Test
        void aLabelLongerThan200Characters() throws Exception {
            badRequest(evaluate("{\"label\": \"" + "x".repeat(201) + "\"}"), "label");
        }

        @Test
        void aStringLongerThanTheParserAccepts() throws Exception {
            JsonNode problem = badRequest(evaluate("{\"label\": \"" + "x".repeat(100_001) + "\"}"), "label");

            assertThat(problem.get("detail").asString()).contains("100000");
        }

        @Test
        void aLabelWithANulCharacterNoStoreCouldRecord() throws Exception {
            badRequest(evaluate("{\"label\": \"shop\\u0000\"}"), "label");
        }

        @Test
        void aLabelWithAnUnpairedSurrogate() throws Exception {
            badRequest(evaluate("{\"label\": \"shop\\ud800\"}"), "label");
        }

        @Test
        void anOverlongUtf8EncodingThatTheParserWouldDecode() throws Exception {
            byte[] overlongA = {'{', '"', 'l', 'a', 'b', 'e', 'l', '"', ':', '"', (byte) 0xC1, (byte) 0x81, '"', '}'};
            badRequest(mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(overlongA)).andReturn()
                    .getResponse(), "");
        }

        /** Found by the fuzzer: the parser guesses UCS-4 from the first bytes, in a byte order it cannot read. */
        @Test
        void bytesThatLookLikeUcs4InAnUnreadableByteOrder() throws Exception {
            byte[] ucs4 = {0, 0, '/', 0};
            badRequest(mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(ucs4)).andReturn()
                    .getResponse(), "");
        }

        @Test
        void brokenUtf8InsideAField() throws Exception {
            byte[] broken = {'{', '"', 'l', 'a', 'b', 'e', 'l', '"', ':', '"', (byte) 0xFF, '"', '}'};
            badRequest(mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(broken)).andReturn()
                    .getResponse(), "label");
        }

        @Test
        void aNullInsideTheReasons() throws Exception {
            badRequest(evaluate("{\"leaning\": {\"reasons\": [\"HYPE\", null]}}"), "leaning.reasons[1]");
        }

        @Test
        void everyInvalidFieldAtOnceWhenValidationFindsSeveral() throws Exception {
            JsonNode problem = badRequest(evaluate("""
                    {"project": {"monthsToDeadline": -3}, "team": {"size": -1}}"""), "project.monthsToDeadline");

            assertThat(problem.get("errors").size()).isEqualTo(2);
            assertThat(problem.get("errors").get(1).get("field").asString()).isEqualTo("team.size");
        }
    }

    @Nested
    class RejectsMalformedBodies {

        @Test
        void brokenJson() throws Exception {
            badRequest(evaluate("{\"project\": {\"framework\": \"DJANGO\""), null);
        }

        @Test
        void anUnquotedValue() throws Exception {
            badRequest(evaluate("{\"label\": shop}"), null);
        }

        @Test
        void anEmptyBody() throws Exception {
            badRequest(evaluate(""), "");
        }

        @Test
        void theNullLiteral() throws Exception {
            badRequest(evaluate("null"), "");
        }

        @Test
        void anArrayInsteadOfAnObject() throws Exception {
            badRequest(evaluate("[{}]"), "");
        }

        @Test
        void aStringInsteadOfAnObject() throws Exception {
            badRequest(evaluate("\"facts\""), "");
        }

        @Test
        void trailingTokens() throws Exception {
            badRequest(evaluate("{} {}"), "");
        }

        @Test
        void aDuplicateTopLevelKey() throws Exception {
            badRequest(evaluate("{\"label\": \"a\", \"label\": \"b\"}"), "label");
        }

        @Test
        void aDuplicateKeyThatIsNotTheLastOneRead() throws Exception {
            badRequest(evaluate("{\"label\": \"a\", \"team\": {}, \"label\": \"b\"}"), "label");
        }

        @Test
        void aDuplicateNestedKey() throws Exception {
            badRequest(evaluate("{\"team\": {\"size\": 3, \"size\": 4}}"), "team.size");
        }

        /** Binding fails on the first nested array; the parser's depth limit itself is shown in StrictJsonTest. */
        @Test
        void deeplyNestedJson() throws Exception {
            badRequest(evaluate("{\"leaning\": {\"reasons\": " + "[".repeat(40) + "]".repeat(40) + "}}"),
                    null);
        }
    }

    @Nested
    class RejectsAtTheHttpLevel {

        @Test
        void aContentTypeOtherThanJsonAndNamesTheSupportedOne() throws Exception {
            MockHttpServletResponse response = mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN).content("{}"))
                    .andReturn().getResponse();

            JsonNode problem = problem(response, 415);
            assertThat(problem.get("detail").asString()).contains("application/json");
            assertThat(strings(problem.get("supportedMediaTypes"))).containsExactly("application/json");
            verifyNoInteractions(evaluations);
        }

        @Test
        void aRequestWithoutContentType() throws Exception {
            problem(mvc.perform(post(URL).content("{}")).andReturn().getResponse(), 415);
            verifyNoInteractions(evaluations);
        }

        @Test
        void aBodyOverOneMebibyteByItsContentLength() throws Exception {
            String body = "{\"label\": \"" + " ".repeat(RequestBodyLimitFilter.DEFAULT_MAX_BYTES) + "\"}";

            JsonNode problem = problem(evaluate(body), 413);

            assertThat(problem.get("maxBytes").asLong()).isEqualTo(1_048_576L);
            verifyNoInteractions(evaluations);
        }

        @Test
        void anUnknownPathWith404() throws Exception {
            JsonNode problem = problem(mvc.perform(get("/api/v1/nothing-here")).andReturn().getResponse(), 404);

            assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/nothing-here");
        }

        @Test
        void aMethodTheResourceDoesNotSupportWith405() throws Exception {
            MockHttpServletResponse response = mvc.perform(delete(URL)).andReturn().getResponse();

            problem(response, 405);
            assertThat(response.getHeader("Allow")).contains("POST");
        }
    }

    @Nested
    class AnswersFailures {

        @Test
        void ofTheRuleBaseWith500NamingTheRule() throws Exception {
            given(evaluations.evaluate(any(), any(), any())).willThrow(new EvaluationFailedException(
                    "The consequence of rule \"Loop\" failed: boom", "Loop", new IllegalStateException("boom")));

            JsonNode problem = problem(evaluate("{}"), 500);

            assertThat(problem.get("title").asString()).isEqualTo("The rule base could not answer");
            assertThat(problem.get("detail").asString()).isEqualTo("The consequence of rule \"Loop\" failed: boom");
            assertThat(problem.get("rule").asString()).isEqualTo("Loop");
            assertThat(problem.toString()).doesNotContain("IllegalStateException").doesNotContain("at dev.");
        }

        @Test
        void unexpectedOnesWith500AndNoDetails() throws Exception {
            given(evaluations.evaluate(any(), any(), any())).willThrow(new IllegalStateException("secret internals"));

            JsonNode problem = problem(evaluate("{}"), 500);

            assertThat(problem.toString()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
        }
    }

    private MockHttpServletResponse evaluate(String body) throws Exception {
        MockHttpServletRequestBuilder request = post(URL).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Asserts a 400 problem naming {@code field} ({@code null}: any field), and that nothing was evaluated. */
    private JsonNode badRequest(MockHttpServletResponse response, String field) throws Exception {
        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo(ProblemHandler.INVALID_REQUEST);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.has("field")).isTrue();
        JsonNode errors = problem.get("errors");
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.size()).isPositive();
        assertThat(errors.get(0).get("message").asString()).isNotBlank();
        assertThat(problem.get("field").asString()).isEqualTo(errors.get(0).get("field").asString());
        if (field != null) {
            assertThat(problem.get("field").asString()).isEqualTo(field);
        }
        verifyNoInteractions(evaluations);
        return problem;
    }

    private static JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("instance").asString()).startsWith("/");
        assertThat(problem.get("detail").asString()).isNotBlank()
                .doesNotContain("tools.jackson").doesNotContain("dev.ormadvisor").doesNotContain("Exception")
                .doesNotContain("java.");
        return problem;
    }

    private static JsonNode okBody(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        return JSON.readTree(response.getContentAsString());
    }

    @Nested
    class ExplainsWhatIf {

        @Test
        void byAddingTheFlipsToTheAnswerWhenAskedFor() throws Exception {
            VerdictView sqlalchemy = new VerdictView(Choice.SQLALCHEMY, Confidence.LOW,
                    Map.of(Option.DJANGO_ORM, 13, Option.SQLALCHEMY, 5));
            given(evaluations.evaluateWithWhatIf(any(), any(), any())).willAnswer(call -> new WhatIfEvaluation(
                    anEvaluation(call.getArgument(0), call.getArgument(1)),
                    List.of(new VerdictFlip("project.framework", null, Framework.FASTAPI, sqlalchemy)), A_RECEIPT));

            JsonNode body = okBody(mvc.perform(post(URL).param("explain", "what-if")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"shop\"}"))
                    .andReturn().getResponse());

            verify(evaluations).evaluateWithWhatIf("shop", Facts.NONE, "{\"label\": \"shop\"}");
            assertThat(body.get("verdict").get("choice").asString()).isEqualTo("DJANGO_ORM");
            JsonNode flip = body.get("whatIf").get(0);
            assertThat(fieldNames(flip)).containsExactly("fact", "from", "to", "verdict");
            assertThat(flip.get("fact").asString()).isEqualTo("project.framework");
            assertThat(flip.get("from").isNull()).isTrue();
            assertThat(flip.get("to").asString()).isEqualTo("FASTAPI");
            assertThat(flip.get("verdict").get("choice").asString()).isEqualTo("SQLALCHEMY");
            assertThat(flip.get("verdict").get("confidence").asString()).isEqualTo("LOW");
            assertThat(flip.get("verdict").get("scores").get("SQLALCHEMY").asInt()).isEqualTo(5);
            assertThat(body.get("receipt").get("index").asLong()).isEqualTo(41);
        }

        @Test
        void asAnEmptyListWhenNoSingleChangeFlipsTheVerdict() throws Exception {
            given(evaluations.evaluateWithWhatIf(any(), any(), any())).willAnswer(call -> new WhatIfEvaluation(
                    anEvaluation(call.getArgument(0), call.getArgument(1)), List.of(), A_RECEIPT));

            JsonNode body = okBody(mvc.perform(post(URL).param("explain", "what-if")
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse());

            assertThat(body.get("whatIf").isArray()).isTrue();
            assertThat(body.get("whatIf").isEmpty()).isTrue();
        }

        @Test
        void notAtAllUnlessAskedFor() throws Exception {
            givenAnEvaluation();

            JsonNode body = okBody(evaluate("{}"));

            assertThat(body.has("whatIf")).isFalse();
        }

        @Test
        void refusingAnyOtherExplanationByNamingTheParameterAndItsAllowedValues() throws Exception {
            for (String explain : List.of("why", "WHAT-IF", "", "what-if,what-if")) {
                JsonNode problem = badRequest(mvc.perform(post(URL).param("explain", explain)
                        .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse(), "explain");

                assertThat(strings(problem.get("errors").get(0).get("allowedValues"))).containsExactly("what-if");
                assertThat(problem.get("detail").asString()).as(explain)
                        .isEqualTo("Query parameter 'explain' must be one of what-if, not '" + explain + "'.");
            }
        }
    }

    private void givenAnEvaluation() {
        given(evaluations.evaluate(any(), any(), any())).willAnswer(call -> {
            Evaluation evaluation = anEvaluation(call.getArgument(0), call.getArgument(1));
            return new RecordedAnswer(evaluation, JSON.writeValueAsString(EvaluationReport.of(evaluation)),
                    A_RECEIPT);
        });
    }

    private static final Receipt A_RECEIPT = new Receipt("replica-a", "test.example/audit/replica-a", 41,
            "bGVhZg==", "test.example/audit/replica-a\n42\ncm9vdA==\n\n— test.example/audit c2lnbmF0dXJl\n",
            List.of("c2libGluZw=="));

    private static Evaluation anEvaluation(String label, Facts facts) {
        RuleDefinition django = new RuleDefinition("Django project", "choose-django-orm.drl", 7, RuleKind.CHOOSE,
                List.of("DJ-1"), "Django ships its ORM.");
        RuleDefinition hype = new RuleDefinition("Hype", "mistakes.drl", 7, RuleKind.MISTAKE, List.of("MISTAKE-1"),
                "Leaning on hype.");
        Decision decision = new Decision("v1", Verdict.recommend(Option.DJANGO_ORM, Confidence.HIGH),
                new Scores(5, 0),
                List.of(new FiredRule(django, List.of(new Evidence(Option.DJANGO_ORM, 5))),
                        new FiredRule(hype, List.of())),
                List.of(new RaisedWarning(new Warning("MISTAKE-1", "Hype is no reason."), hype)));
        return new Evaluation("e-1", Instant.parse("2026-01-02T03:04:05Z"), label, facts, decision,
                Duration.ofMillis(2));
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array).as("expected an array").isNotNull();
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
