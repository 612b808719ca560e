package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.facts.Facts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        Decision decision = rules.current().decide(facts);
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        return new Evaluation(UUID.randomUUID().toString(), start, label, facts, decision, duration);
    }
}
