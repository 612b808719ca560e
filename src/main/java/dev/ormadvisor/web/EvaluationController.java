package dev.ormadvisor.web;

import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.EvaluationService;
import dev.ormadvisor.evaluation.EvaluationService.RecordedAnswer;
import dev.ormadvisor.evaluation.EvaluationService.WhatIfEvaluation;
import dev.ormadvisor.facts.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    static final String EXPLAIN = "explain";
    static final String WHAT_IF = "what-if";

    private final EvaluationService evaluations;
    private final JsonMapper json;

    EvaluationController(EvaluationService evaluations, JsonMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    @Operation(summary = "Evaluate the facts about one project",
            description = "Answers Django ORM, SQLAlchemy or no clear winner, with the scores, every rule that"
                    + " fired in firing order and the warnings. The answer is committed to the audit trail before"
                    + " it is sent. Nothing about a refused request is stored. Failures are problem+json"
                    + " (RFC 9457).")
    @ApiResponse(responseCode = "200", description = "The answer exactly as recorded in the audit trail, plus"
            + " receipt (the proof that the record is in the audit log: its log, 0-based index, base64 leaf hash,"
            + " the signed checkpoint committed with it and the inclusion proof), plus whatIf when asked for",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EvaluationReport.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> evaluate(@RequestBody EvaluationRequest request,
            @Parameter(description = "what-if adds whatIf to the answer: each single-fact change that would"
                    + " change the verdict's choice. It explains the answer and is not recorded with it.",
                    schema = @Schema(allowableValues = WHAT_IF))
            @RequestParam(name = EXPLAIN, required = false) String explain,
            @Parameter(hidden = true) @RequestAttribute(RequestBodyLimitFilter.BODY) String factsAsReceived) {
        if (explain == null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(withReceipt(evaluations.evaluate(request.label(), request.facts(), factsAsReceived)));
        }
        if (!explain.equals(WHAT_IF)) {
            throw new InvalidParameterException(new FieldProblem(EXPLAIN, "must be one of " + WHAT_IF,
                    List.of(WHAT_IF), null),
                    "Query parameter '" + EXPLAIN + "' must be one of " + WHAT_IF + ", not '" + explain + "'.");
        }
        WhatIfEvaluation explained = evaluations.evaluateWithWhatIf(request.label(), request.facts(),
                factsAsReceived);
        ObjectNode answer = json.valueToTree(EvaluationReport.of(explained.evaluation())
                .withWhatIf(explained.whatIf()));
        answer.putPOJO("receipt", explained.receipt());
        return ResponseEntity.ok(answer);
    }

    /**
     * The recorded text itself with the receipt as its last member: every byte before it is the answer as stored
     * and committed to by the leaf, serialized once. The receipt cannot be part of the stored answer, since it
     * proves the commit of that very text.
     */
    private String withReceipt(RecordedAnswer answer) {
        String stored = answer.json();
        return stored.substring(0, stored.lastIndexOf('}')) + ",\"receipt\":"
                + json.writeValueAsString(answer.receipt()) + "}";
    }
}
