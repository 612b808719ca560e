package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP benchmark's floor reads a body exactly as the evaluation endpoint does, so the ratio between the two
 * is the cost of evaluating and recording, nothing else.
 */
@WebMvcTest(ParseOnlyFloorController.class)
@Import({StrictJsonConfiguration.class, RequestBodyLimitConfiguration.class})
@ActiveProfiles("bench")
class ParseOnlyFloorTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answersValidFactsWithNoContent() throws Exception {
        MockHttpServletResponse response = parseOnly("""
                {"label": "shop", "project": {"framework": "DJANGO", "monthsToDeadline": 3},
                 "leaning": {"choice": "SQLALCHEMY", "reasons": ["HYPE"]}}""");

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void refusesFactsTheEvaluationEndpointRefusesWithTheSameProblem() throws Exception {
        MockHttpServletResponse response = parseOnly("{\"project\": {\"framework\": \"RAILS\"}}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("project.framework", "DJANGO", "UNDECIDED");
    }

    @Test
    void refusesABodyOverTheLimitLikeTheEvaluationEndpoint() throws Exception {
        MockHttpServletResponse response = parseOnly("{\"label\": \"" + "x".repeat(1 << 20) + "\"}");

        assertThat(response.getStatus()).isEqualTo(413);
    }

    private MockHttpServletResponse parseOnly(String json) throws Exception {
        return mvc.perform(post(ParseOnlyFloorController.PATH).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
    }
}
