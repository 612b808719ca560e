package dev.ormadvisor.web;

import dev.ormadvisor.audit.AuditLog;
import dev.ormadvisor.audit.AuditReplay;
import dev.ormadvisor.audit.LogVerification;
import dev.ormadvisor.audit.LogVerifier;
import dev.ormadvisor.audit.ReplayReport;
import dev.ormadvisor.audit.RuleCoverage;
import dev.ormadvisor.audit.RuleSetSnapshot;
import dev.ormadvisor.engine.RuleBaseInService;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the audit trail tells about the rules and about itself. */
@RestController
class AuditController {

    private final AuditLog auditLog;
    private final LogVerifier verifier;
    private final AuditReplay replay;
    private final RuleBaseInService ruleBase;

    AuditController(AuditLog auditLog, LogVerifier verifier, AuditReplay replay, RuleBaseInService ruleBase) {
        this.auditLog = auditLog;
        this.verifier = verifier;
        this.replay = replay;
        this.ruleBase = ruleBase;
    }

    /** Recomputes every log from its records: the auditor's question to the service itself. */
    @GetMapping("/api/v1/audit/verify")
    LogVerification verify() {
        return verifier.verify();
    }

    @GetMapping("/api/v1/rulesets/{version}")
    RuleSetSnapshot ruleSet(@PathVariable String version) {
        return auditLog.ruleSet(version).orElseThrow(() -> new NotFoundException(
                "No rule set version '" + version + "' has answered an evaluation."));
    }

    /** Of the rule set in service: a rule it no longer has is not a gap in its coverage. */
    @GetMapping("/api/v1/rules/coverage")
    RuleCoverage coverage(@RequestParam MultiValueMap<String, String> parameters) {
        return auditLog.coverage(ruleBase.current().rules(),
                AuditParameters.filter(AuditParameters.single(parameters, Set.of("from", "to"))));
    }

    /** Guarded by {@link AdminTokenInterceptor}: a replay can cost many rule evaluations. */
    @PostMapping(path = "/api/v1/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReplayReport replay(@RequestBody(required = false) ReplayRequest request) {
        ReplayRequest asked = request == null ? ReplayRequest.EVERYTHING : request;
        return replay.replay(asked.filter(), asked.effectiveLimit());
    }
}
