package dev.ormadvisor.web;

import dev.ormadvisor.instances.InstanceRegistry;
import dev.ormadvisor.instances.InstancesOverview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service instances sharing this database, as any one of them sees the registry. */
@RestController
class InstancesController {

    private final InstanceRegistry registry;

    InstancesController(InstanceRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "The service instances sharing this database and the rule set each serves",
            description = "Every instance that recorded itself within advisor.instance.forget-after, in id order,"
                    + " whichever instance answers. An instance whose rulesVersion is not latestRulesVersion (the"
                    + " version most recently put into service by a live instance) is stuck on an old or broken"
                    + " rule set: onLatestRules is false, and allLiveOnLatestRules with it.")
    @ApiResponse(responseCode = "200", description = "The registry as of now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InstancesOverview.class)))
    @GetMapping("/api/v1/instances")
    InstancesOverview instances() {
        return registry.overview();
    }
}
