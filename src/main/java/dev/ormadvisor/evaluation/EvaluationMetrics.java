package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.FiredRule;
import dev.ormadvisor.engine.RaisedWarning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What operators watch about answers: how many of each verdict, how long the rules took, which rules and
 * statements fire, which warnings are raised, and how long the audit commit took.
 */
@Component
public class EvaluationMetrics {

    private final MeterRegistry registry;
    private final Timer evaluationTime;
    private final Timer auditWriteTime;

    public EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluationTime = Timer.builder("advisor.evaluation.duration")
                .description("Time the rules took to answer one evaluation").publishPercentileHistogram()
                .register(registry);
        this.auditWriteTime = Timer.builder("advisor.audit.write.duration")
                .description("Time from handing an evaluation to the audit trail until it was committed")
                .publishPercentileHistogram().register(registry);
    }

    void answered(Evaluation evaluation, Duration auditWrite) {
        Decision decision = evaluation.decision();
        evaluationTime.record(evaluation.duration());
        auditWriteTime.record(auditWrite);
        Counter.builder("advisor.evaluations").description("Answered evaluations by verdict")
                .tag("verdict", decision.verdict().choice().name()).register(registry).increment();
        for (FiredRule fired : decision.firedRules()) {
            Counter.builder("advisor.rule.fired").description("Rule firings, by rule and the statements it encodes")
                    .tag("rule", fired.rule().name()).tag("statement", String.join(",", fired.rule().statements()))
                    .register(registry).increment();
        }
        for (RaisedWarning raised : decision.warnings()) {
            Counter.builder("advisor.warnings").description("Warnings raised, by statement key")
                    .tag("statement", raised.warning().statement()).register(registry).increment();
        }
    }
}
