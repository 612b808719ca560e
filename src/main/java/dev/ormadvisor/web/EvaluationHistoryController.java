package dev.ormadvisor.web;

import dev.ormadvisor.audit.AuditLog;
import dev.ormadvisor.audit.EvaluationFilter;
import dev.ormadvisor.audit.EvaluationPage;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.EvaluationService;
import dev.ormadvisor.evaluation.EvaluationService.StoredWhatIf;
import dev.ormadvisor.facts.FactsJson;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Evaluations as the audit trail keeps them. */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationHistoryController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> PARAMETERS = AuditParameters.filtersAnd("page", "size");

    private final AuditLog auditLog;
    private final EvaluationService evaluations;
    private final JsonMapper facts = FactsJson.strictMapper();

    EvaluationHistoryController(AuditLog auditLog, EvaluationService evaluations) {
        this.auditLog = auditLog;
        this.evaluations = evaluations;
    }

    @Operation(summary = "One stored evaluation", description = "The answer exactly as it was sent (same fields, values"
            + " and order; without the receipt), plus facts (the request body as the client sent it), durationMicros,"
            + " its place in the audit logs (log, index) and traceId: the W3C trace id of the request that asked, to"
            + " find the logs around the decision; null for records written before trace ids were kept. 404 problem"
            + " for an unknown id.")
    @GetMapping("/{id}")
    ObjectNode evaluation(@PathVariable String id) {
        return stored(id);
    }

    /** The stored facts re-read strictly, as when they were first accepted, then varied one at a time. */
    @GetMapping("/{id}/what-if")
    StoredWhatIf whatIf(@PathVariable String id) {
        ObjectNode stored = stored(id);
        EvaluationRequest request = facts.treeToValue(stored.get("facts"), EvaluationRequest.class);
        return evaluations.whatIfNow(id, stored.get("rulesVersion").asString(), request.facts());
    }

    private ObjectNode stored(String id) {
        return auditLog.evaluation(id)
                .orElseThrow(() -> new NotFoundException("No evaluation is stored with the id '" + id + "'."));
    }

    @GetMapping
    EvaluationPage evaluations(@RequestParam MultiValueMap<String, String> parameters) {
        ListQuery query = ListQuery.of(parameters);
        return auditLog.search(query.filter(), query.page(), query.size());
    }

    /** The list's query parameters, read: which evaluations, which page of them and how many to a page. */
    record ListQuery(EvaluationFilter filter, int page, int size) {

        static ListQuery of(MultiValueMap<String, String> parameters) {
            Map<String, String> given = AuditParameters.single(parameters, PARAMETERS);
            return new ListQuery(AuditParameters.filter(given),
                    AuditParameters.whole("page", given.get("page"), 0, 0, Integer.MAX_VALUE),
                    AuditParameters.whole("size", given.get("size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
        }
    }
}
