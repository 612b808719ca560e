package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.transparency.Receipt;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers one set of facts with the rule set in service, and keeps the answer in the audit trail. Each answer is
 * observed as an {@value #EVALUATION} span (rules version, verdict, evaluation id, leaf index) around a
 * {@value #FIRING} span and the audit commit, and the request's trace id is stored with the record.
 */
@Service
public class EvaluationService {

    static final String EVALUATION = "advisor.evaluation";
    static final String FIRING = "advisor.rules.firing";
    /** The logging MDC key of the evaluation's id, from the rules' answer until the answer is recorded. */
    static final String EVALUATION_ID = "evaluationId";

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final RuleBaseInService rules;
    private final AuditTrail auditTrail;
    private final EvaluationMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final AnswerLogSummary logSummary;

    public EvaluationService(RuleBaseInService rules, AuditTrail auditTrail, EvaluationMetrics metrics,
            JsonMapper json, Clock clock, ObservationRegistry observations, Tracer tracer,
            AnswerLogSummary logSummary) {
        this.rules = rules;
        this.auditTrail = auditTrail;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.observations = observations;
        this.tracer = tracer;
        this.logSummary = logSummary;
    }

    /** Returns only once the answer is committed to the audit trail: what was never recorded is never sent. */
    public RecordedAnswer evaluate(String label, Facts facts, String factsAsReceived) {
        return evaluate(rules.current(), label, facts, factsAsReceived);
    }

    /**
     * Like {@link #evaluate}, and explains the answer with the single-fact changes that would change its verdict.
     * The flips come from the same rule set version as the answer, and are worked out before the answer is
     * recorded: a rule failing on a varied fact fails the request before anything is stored. The audit trail
     * records the plain answer: what-if explains a decision, it is not part of it.
     */
    public WhatIfEvaluation evaluateWithWhatIf(String label, Facts facts, String factsAsReceived) {
        RuleBase ruleBase = rules.current();
        List<VerdictFlip> whatIf = WhatIf.flips(ruleBase, facts);
        RecordedAnswer answer = evaluate(ruleBase, label, facts, factsAsReceived);
        return new WhatIfEvaluation(answer.evaluation(), whatIf, answer.receipt());
    }

    /**
     * The single-fact changes that would change the verdict for facts answered earlier, judged by the rule set
     * now in service (which may differ from the one that answered: both versions are reported). Nothing is
     * recorded: this re-reads a past answer, it does not make a new one.
     */
    public StoredWhatIf whatIfNow(String id, String answeredWith, Facts facts) {
        RuleBase ruleBase = rules.current();
        return new StoredWhatIf(id, answeredWith, ruleBase.version(),
                EvaluationReport.VerdictView.of(ruleBase.decide(facts)), WhatIf.flips(ruleBase, facts));
    }

    private RecordedAnswer evaluate(RuleBase ruleBase, String label, Facts facts, String factsAsReceived) {
        // The rules version is a span attribute only (high cardinality): as a metric tag every reload would add series.
        Observation observation = Observation.createNotStarted(EVALUATION, observations).contextualName("evaluate")
                .highCardinalityKeyValue("advisor.rules.version", ruleBase.version()).start();
        try (Observation.Scope scope = observation.openScope()) {
            // One span for the whole firing phase, not one per fired rule: a span per rule would need a listener in
            // the engine, which knows nothing of observation, and would multiply the spans of every request for what
            // the answer, the stored record and the advisor.rule.fired counters already say.
            Evaluation evaluation = Observation.createNotStarted(FIRING, observations).contextualName("fire rules")
                    .observe(() -> Evaluation.of(ruleBase, label, facts, clock));
            observation.lowCardinalityKeyValue("advisor.verdict", evaluation.decision().verdict().choice().name())
                    .highCardinalityKeyValue("advisor.evaluation.id", evaluation.id());
            // What this thread logs from here until the answer is recorded names the evaluation (in JSON logs, a field of
            // its own). An answer that is not recorded is refused, and its id is never seen by anyone: its refusal is
            // found by the trace id instead.
            MDC.put(EVALUATION_ID, evaluation.id());
            // Serialized once, by the application's own mapper: the text stored is the text sent.
            String answer = json.writeValueAsString(EvaluationReport.of(evaluation));
            long auditStart = System.nanoTime();
            Receipt receipt = auditTrail.record(evaluation, factsAsReceived, answer, ruleBase.sources(),
                    currentTraceId());
            // The audit commit span covers a batch of many requests' leaves: this one's index finds its batch.
            observation.highCardinalityKeyValue("advisor.audit.index", Long.toString(receipt.index()));
            metrics.answered(evaluation, Duration.ofNanos(System.nanoTime() - auditStart));
            logSummary.answered(evaluation.decision().verdict().choice());
            if (log.isDebugEnabled()) {
                log.debug("Evaluation {} answered {} with rule set {} in {} us (label: {})", evaluation.id(),
                        evaluation.decision().verdict().choice(), evaluation.decision().rulesVersion(),
                        evaluation.duration().toNanos() / 1000, printable(label));
            }
            return new RecordedAnswer(evaluation, answer, receipt);
        } catch (RuntimeException e) {
            observation.error(e);
            throw e;
        } finally {
            MDC.remove(EVALUATION_ID);
            observation.stop();
        }
    }

    /** The trace this request belongs to (continued from its traceparent, or new), or null when nothing traces. */
    private String currentTraceId() {
        Span span = tracer.currentSpan();
        String traceId = span == null ? "" : span.context().traceId();
        return traceId.isEmpty() ? null : traceId;
    }

    /**
     * An answer as committed to the audit trail: the evaluation, its JSON exactly as stored (the text its leaf
     * commits to), and the receipt that proves it is in the log.
     */
    public record RecordedAnswer(Evaluation evaluation, String json, Receipt receipt) {
    }

    /** An answer, the single-fact changes that would change its verdict (strongest first) and its receipt. */
    public record WhatIfEvaluation(Evaluation evaluation, List<VerdictFlip> whatIf, Receipt receipt) {
    }

    /**
     * What-if for a stored evaluation: {@code verdict} is what the rule set {@code rulesVersion} says today,
     * {@code answeredWith} the version that gave the original answer.
     */
    public record StoredWhatIf(String id, String answeredWith, String rulesVersion,
            EvaluationReport.VerdictView verdict, List<VerdictFlip> whatIf) {
    }

    /** Labels are free text from clients: keep one log line one line, and never log the facts themselves. */
    private static String printable(String label) {
        return label == null ? "-" : label.replaceAll("\\p{Cntrl}", "?");
    }
}
