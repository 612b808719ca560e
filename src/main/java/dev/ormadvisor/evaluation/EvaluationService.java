package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.facts.Facts;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Answers one set of facts with the rule set in service, and keeps the answer in the audit trail. */
@Service
public class EvaluationService {

    private final RuleBaseInService rules;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public EvaluationService(RuleBaseInService rules, AuditTrail auditTrail, Clock clock) {
        this.rules = rules;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Returns only once the answer is committed to the audit trail: what was never recorded is never sent. */
    public Evaluation evaluate(String label, Facts facts, String factsAsReceived) {
        RuleBase ruleBase = rules.current();
        Evaluation evaluation = Evaluation.of(ruleBase, label, facts, clock);
        auditTrail.record(evaluation, factsAsReceived, ruleBase.sources());
        return evaluation;
    }
}
