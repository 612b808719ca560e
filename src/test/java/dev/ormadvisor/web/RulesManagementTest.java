package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.engine.RuleError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rules status endpoint, and the reload endpoint behind the admin token. */
class RulesManagementTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReloadOutcome FAILED = new ReloadOutcome(Instant.parse("2026-11-24T10:00:00Z"), false,
            "good1", List.of(new RuleError("mistakes.drl", 12, "unable to resolve Projekt")), Duration.ofMillis(42));

    abstract static class WithRuleBase {

        @Autowired
        MockMvc mvc;

        @MockitoBean
        RuleBaseInService ruleBaseInService;

        @BeforeEach
        void ruleSetGood1InServiceAfterAFailedReload() {
            RuleBase ruleBase = mock(RuleBase.class);
            given(ruleBase.version()).willReturn("good1");
            given(ruleBaseInService.current()).willReturn(ruleBase);
            given(ruleBaseInService.lastReload()).willReturn(FAILED);
            given(ruleBaseInService.reload()).willReturn(FAILED);
        }

        JsonNode json(MockHttpServletResponse response) throws Exception {
            return JSON.readTree(response.getContentAsString());
        }
    }

    @Nested
    @WebMvcTest(RulesController.class)
    @Import({StrictJsonConfiguration.class, RequestBodyLimitConfiguration.class, AdminConfiguration.class})
    class Status extends WithRuleBase {

        @Test
        void reportsTheVersionInServiceAndTheLastReloadsErrorsWithFileAndLine() throws Exception {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/rules/status")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("version").asString()).isEqualTo("good1");
            assertThat(body.at("/lastReload/at").asString()).isEqualTo("2026-11-24T10:00:00Z");
            assertThat(body.at("/lastReload/ok").asBoolean()).isFalse();
            assertThat(body.at("/lastReload/errors/0/file").asString()).isEqualTo("mistakes.drl");
            assertThat(body.at("/lastReload/errors/0/line").asInt()).isEqualTo(12);
            assertThat(body.at("/lastReload/errors/0/message").asString()).isEqualTo("unable to resolve Projekt");
        }
    }

    @Nested
    @WebMvcTest(RulesController.class)
    @Import({StrictJsonConfiguration.class, RequestBodyLimitConfiguration.class, AdminConfiguration.class})
    @TestPropertySource(properties = "advisor.admin.token=s3cret-token")
    class ReloadWithATokenConfigured extends WithRuleBase {

        @Test
        void reloadsForTheAdminAndAnswersLikeTheStatusEndpoint() throws Exception {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/rules/reload")
                    .header("Authorization", "Bearer s3cret-token")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(200);
            verify(ruleBaseInService).reload();
            JsonNode body = json(response);
            assertThat(body.get("version").asString()).isEqualTo("good1");
            assertThat(body.at("/lastReload/errors/0/file").asString()).isEqualTo("mistakes.drl");
        }

        @Test
        void refusesAMissingTokenWith401AndABearerChallenge() throws Exception {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/rules/reload")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            assertThat(json(response).get("detail").asString()).contains("Authorization: Bearer");
            verify(ruleBaseInService, never()).reload();
        }

        @Test
        void refusesAWrongTokenWith401() throws Exception {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/rules/reload")
                    .header("Authorization", "Bearer s3cret-tokem")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(json(response).get("type").asString()).isEqualTo(ProblemHandler.ADMIN_ACCESS_DENIED);
            verify(ruleBaseInService, never()).reload();
        }

        @Test
        void refusesAnotherAuthorizationScheme() throws Exception {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/rules/reload")
                    .header("Authorization", "Basic czNjcmV0LXRva2Vu")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(401);
            verify(ruleBaseInService, never()).reload();
        }
    }

    @Nested
    @WebMvcTest(RulesController.class)
    @Import({StrictJsonConfiguration.class, RequestBodyLimitConfiguration.class, AdminConfiguration.class})
    class ReloadWithoutAToken extends WithRuleBase {

        @Test
        void isDisabledWith403SayingHowToEnableIt() throws Exception {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/rules/reload")
                    .header("Authorization", "Bearer anything")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(json(response).get("detail").asString()).contains("ADVISOR_ADMIN_TOKEN");
            verify(ruleBaseInService, never()).reload();
        }
    }
}
