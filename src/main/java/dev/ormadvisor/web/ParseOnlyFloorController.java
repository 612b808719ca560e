package dev.ormadvisor.web;

import dev.ormadvisor.evaluation.EvaluationRequest;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor the HTTP benchmark ({@code bench/http.sh}) measures evaluations against: the same filters, the same
 * strict parsing and validation of the same body as {@code POST /api/v1/evaluations}, then an empty answer,
 * with no rules fired and nothing stored. Only with the {@code bench} profile active: it is not part of the
 * product's API.
 */
@Hidden
@Profile("bench")
@RestController
class ParseOnlyFloorController {

    static final String PATH = "/api/bench/parse-only";

    /** Both parameters are resolved and unused on purpose: resolving them is the work the floor measures. */
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> parseOnly(@RequestBody EvaluationRequest request,
            @Parameter(hidden = true) @RequestAttribute(RequestBodyLimitFilter.BODY) String factsAsReceived) {
        return ResponseEntity.noContent().build();
    }
}
