package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.engine.RuleDefinition;
import dev.ormadvisor.engine.RuleKind;
import dev.ormadvisor.engine.Statement;
import dev.ormadvisor.engine.StatementCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(RulesController.class)
@Import({StrictJsonConfiguration.class, RequestBodyLimitConfiguration.class})
class RulesControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RuleBaseInService ruleBaseInService;

    @Test
    void listsTheRulesInServiceAndForEachStatementTheRulesCitingIt() throws Exception {
        givenRules(List.of(
                new RuleDefinition("Django project", "choose-django-orm.drl", 7, RuleKind.CHOOSE,
                        List.of("DJ-1", "DJ-2"), "Django ships its ORM."),
                new RuleDefinition("Admin needed", "choose-django-orm.drl", 7, RuleKind.CHOOSE, List.of("DJ-2"),
                        "Django's admin comes for free.")),
                List.of(new Statement("DJ-1", RuleKind.CHOOSE, "Django ORM", "Django projects use it."),
                        new Statement("DJ-2", RuleKind.CHOOSE, "Django ORM", "It has an admin."),
                        new Statement("SA-1", RuleKind.CHOOSE, "SQLAlchemy", "Not encoded yet.")));

        MockHttpServletResponse response = mvc.perform(get("/api/v1/rules")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.get("version").asString()).isEqualTo("abc123");
        JsonNode rule = body.get("rules").get(0);
        assertThat(rule.get("name").asString()).isEqualTo("Django project");
        assertThat(rule.get("file").asString()).isEqualTo("choose-django-orm.drl");
        assertThat(rule.get("kind").asString()).isEqualTo("CHOOSE");
        assertThat(rule.get("statements").toString()).isEqualTo("[\"DJ-1\",\"DJ-2\"]");
        assertThat(rule.get("explanation").asString()).isEqualTo("Django ships its ORM.");
        JsonNode statements = body.get("statements");
        assertThat(statements.size()).isEqualTo(3);
        assertThat(statements.get(0).get("key").asString()).isEqualTo("DJ-1");
        assertThat(statements.get(0).get("kind").asString()).isEqualTo("CHOOSE");
        assertThat(statements.get(0).get("section").asString()).isEqualTo("Django ORM");
        assertThat(statements.get(0).get("text").asString()).isEqualTo("Django projects use it.");
        assertThat(statements.get(0).get("rules").toString()).isEqualTo("[\"Django project\"]");
        assertThat(statements.get(1).get("rules").toString()).isEqualTo("[\"Django project\",\"Admin needed\"]");
        assertThat(statements.get(2).get("rules").isEmpty()).isTrue();
    }

    @Test
    void refusesAPostWith405Problem() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/rules")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString()).contains("GET");
    }

    private void givenRules(List<RuleDefinition> rules, List<Statement> statements) {
        RuleBase ruleBase = mock(RuleBase.class);
        given(ruleBase.version()).willReturn("abc123");
        given(ruleBase.rules()).willReturn(rules);
        given(ruleBase.catalog()).willReturn(new StatementCatalog(statements));
        given(ruleBaseInService.current()).willReturn(ruleBase);
    }
}
