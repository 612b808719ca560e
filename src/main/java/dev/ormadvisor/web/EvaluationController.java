package dev.ormadvisor.web;

import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.EvaluationService;
import dev.ormadvisor.evaluation.EvaluationService.WhatIfEvaluation;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    static final String EXPLAIN = "explain";
    static final String WHAT_IF = "what-if";

    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    EvaluationReport evaluate(@Valid @RequestBody EvaluationRequest request,
            @RequestParam(name = EXPLAIN, required = false) String explain,
            @RequestAttribute(RequestBodyLimitFilter.BODY) byte[] body) {
        String factsAsReceived = new String(body, StandardCharsets.UTF_8);
        if (explain == null) {
            return EvaluationReport.of(evaluations.evaluate(request.label(), request.facts(), factsAsReceived));
        }
        if (!explain.equals(WHAT_IF)) {
            throw new InvalidQueryParameterException(EXPLAIN, explain, List.of(WHAT_IF));
        }
        WhatIfEvaluation explained = evaluations.evaluateWithWhatIf(request.label(), request.facts(),
                factsAsReceived);
        return EvaluationReport.of(explained.evaluation()).withWhatIf(explained.whatIf());
    }
}
