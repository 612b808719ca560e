package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.facts.Facts;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Answers one set of facts with the rule set in service. */
@Service
public class EvaluationService {

    private final RuleBaseInService rules;
    private final Clock clock;

    public EvaluationService(RuleBaseInService rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public Evaluation evaluate(String label, Facts facts) {
        return Evaluation.of(rules.current(), label, facts, clock);
    }
}
