package dev.ormadvisor.web;

import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.EvaluationService;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    EvaluationReport evaluate(@Valid @RequestBody EvaluationRequest request,
            @RequestAttribute(RequestBodyLimitFilter.BODY) byte[] body) {
        return EvaluationReport.of(evaluations.evaluate(request.label(), request.facts(),
                new String(body, StandardCharsets.UTF_8)));
    }
}
