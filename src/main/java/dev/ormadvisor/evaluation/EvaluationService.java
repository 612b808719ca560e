package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.facts.Facts;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Answers one set of facts with the rule set in service, and keeps the answer in the audit trail. */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final RuleBaseInService rules;
    private final AuditTrail auditTrail;
    private final EvaluationMetrics metrics;
    private final Clock clock;

    public EvaluationService(RuleBaseInService rules, AuditTrail auditTrail, EvaluationMetrics metrics,
            Clock clock) {
        this.rules = rules;
        this.auditTrail = auditTrail;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Returns only once the answer is committed to the audit trail: what was never recorded is never sent. */
    public Evaluation evaluate(String label, Facts facts, String factsAsReceived) {
        RuleBase ruleBase = rules.current();
        Evaluation evaluation = Evaluation.of(ruleBase, label, facts, clock);
        long auditStart = System.nanoTime();
        auditTrail.record(evaluation, factsAsReceived, ruleBase.sources());
        metrics.answered(evaluation, Duration.ofNanos(System.nanoTime() - auditStart));
        log.info("Evaluation {} answered {} with rule set {} in {} us (label: {})", evaluation.id(),
                evaluation.decision().verdict().choice(), evaluation.decision().rulesVersion(),
                evaluation.duration().toNanos() / 1000, printable(label));
        return evaluation;
    }

    /** Labels are free text from clients: keep one log line one line, and never log the facts themselves. */
    private static String printable(String label) {
        return label == null ? "-" : label.replaceAll("\\p{Cntrl}", "?");
    }
}
