package dev.ormadvisor.web;

import dev.ormadvisor.audit.AuditLog;
import dev.ormadvisor.audit.EvaluationPage;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Evaluations as the audit trail keeps them. */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationHistoryController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> PARAMETERS = AuditParameters.filtersAnd("page", "size");

    private final AuditLog auditLog;

    EvaluationHistoryController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/{id}")
    ObjectNode evaluation(@PathVariable String id) {
        return auditLog.evaluation(id)
                .orElseThrow(() -> new NotFoundException("No evaluation is stored with the id '" + id + "'."));
    }

    @GetMapping
    EvaluationPage evaluations(@RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> given = AuditParameters.single(parameters, PARAMETERS);
        return auditLog.search(AuditParameters.filter(given),
                AuditParameters.whole("page", given.get("page"), 0, 0, Integer.MAX_VALUE),
                AuditParameters.whole("size", given.get("size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
    }
}
