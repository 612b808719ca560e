package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ormadvisor.instances.InstanceRegistry;
import dev.ormadvisor.instances.InstanceStatus;
import dev.ormadvisor.instances.InstancesOverview;
import dev.ormadvisor.instances.InstancesOverview.InstanceView;
import dev.ormadvisor.instances.InstancesOverview.ReloadSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(InstancesController.class)
class InstancesControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-11-24T10:15:30Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InstanceRegistry registry;

    @Test
    void listsEachInstanceWithItsStatusRulesVersionAndLastReload() throws Exception {
        given(registry.overview()).willReturn(new InstancesOverview("v2", false, List.of(
                new InstanceView("replica-a", "node-1", 4242, InstanceStatus.LIVE, T, T.plusSeconds(60), "v2",
                        T.plusSeconds(30), true, new ReloadSummary(T.plusSeconds(30), true, 0)),
                new InstanceView("replica-b", "node-2", 4343, InstanceStatus.LIVE, T, T.plusSeconds(61), "v1",
                        T, false, new ReloadSummary(T.plusSeconds(31), false, 2)))));

        MockHttpServletResponse response = mvc.perform(get("/api/v1/instances")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.get("latestRulesVersion").asString()).isEqualTo("v2");
        assertThat(body.get("allLiveOnLatestRules").asBoolean()).isFalse();
        JsonNode stuck = body.get("instances").get(1);
        assertThat(stuck.get("id").asString()).isEqualTo("replica-b");
        assertThat(stuck.get("host").asString()).isEqualTo("node-2");
        assertThat(stuck.get("pid").asLong()).isEqualTo(4343);
        assertThat(stuck.get("status").asString()).isEqualTo("LIVE");
        assertThat(stuck.get("startedAt").asString()).isEqualTo("2026-11-24T10:15:30Z");
        assertThat(stuck.get("lastSeen").asString()).isEqualTo("2026-11-24T10:16:31Z");
        assertThat(stuck.get("rulesVersion").asString()).isEqualTo("v1");
        assertThat(stuck.get("onLatestRules").asBoolean()).isFalse();
        assertThat(stuck.get("lastReload").toString())
                .isEqualTo("{\"at\":\"2026-11-24T10:16:01Z\",\"ok\":false,\"errorCount\":2}");
    }

    @Test
    void refusesAPostWith405Problem() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/instances")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
}
