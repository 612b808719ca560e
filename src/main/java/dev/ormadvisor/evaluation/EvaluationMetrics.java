package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.FiredRule;
import dev.ormadvisor.engine.RaisedWarning;
import dev.ormadvisor.engine.RuleDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What operators watch about answers: how many of each verdict, how long the rules took, which rules and
 * statements fire, which warnings are raised, and how long the audit commit took.
 *
 * <p>Counters are looked up in the registry once per verdict, rule and statement, then kept: building a meter id
 * and finding it again for every fired rule of every answer cost more than the increments.
 */
@Component
public class EvaluationMetrics {

    private final MeterRegistry registry;
    private final Timer evaluationTime;
    private final Timer auditWriteTime;
    private final Map<String, Counter> byVerdict = new ConcurrentHashMap<>();
    private final Map<RuleTags, Counter> byRule = new ConcurrentHashMap<>();
    private final Map<String, Counter> byWarning = new ConcurrentHashMap<>();

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
        byVerdict.computeIfAbsent(decision.verdict().choice().name(), verdict -> Counter.builder("advisor.evaluations")
                .description("Answered evaluations by verdict").tag("verdict", verdict).register(registry))
                .increment();
        for (FiredRule fired : decision.firedRules()) {
            RuleDefinition rule = fired.rule();
            byRule.computeIfAbsent(new RuleTags(rule.name(), rule.statements()), tags -> Counter
                    .builder("advisor.rule.fired").description("Rule firings, by rule and the statements it encodes")
                    .tag("rule", tags.name()).tag("statement", String.join(",", tags.statements())).register(registry))
                    .increment();
        }
        for (RaisedWarning raised : decision.warnings()) {
            byWarning.computeIfAbsent(raised.warning().statement(), statement -> Counter.builder("advisor.warnings")
                    .description("Warnings raised, by statement key").tag("statement", statement).register(registry))
                    .increment();
        }
    }

    /** What a rule's counter is told apart by: the same across reloads that move a rule but keep its name and keys. */
    private record RuleTags(String name, List<String> statements) {
    }
}
