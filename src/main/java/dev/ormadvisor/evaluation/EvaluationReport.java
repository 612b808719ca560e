package dev.ormadvisor.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.conclusions.Confidence;
import dev.ormadvisor.conclusions.Evidence;
import dev.ormadvisor.conclusions.Option;
import dev.ormadvisor.conclusions.Scores;
import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.FiredRule;
import dev.ormadvisor.engine.RaisedWarning;
import dev.ormadvisor.engine.RuleKind;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to one evaluation. Its field names are the HTTP contract; the {@code evaluate} command prints the
 * same record, so a facts file checked on the command line reads exactly like the service's answer.
 *
 * <p>{@code whatIf} is an explanation asked for with {@code ?explain=what-if}, not part of the decision: it is
 * {@code null}, and left out of the JSON, in the answer {@link #of} builds, which is also the answer the audit
 * trail records.
 */
public record EvaluationReport(String id, String rulesVersion, Instant evaluatedAt, String label,
        VerdictView verdict, List<FiredRuleView> firedRules, List<WarningView> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<VerdictFlip> whatIf) {

    public static EvaluationReport of(Evaluation evaluation) {
        Decision decision = evaluation.decision();
        return new EvaluationReport(evaluation.id(), decision.rulesVersion(), evaluation.evaluatedAt(),
                evaluation.label(), VerdictView.of(decision),
                decision.firedRules().stream().map(FiredRuleView::of).toList(),
                decision.warnings().stream().map(WarningView::of).toList(), null);
    }

    /** The same answer explained by the single-fact changes that would change its verdict. */
    public EvaluationReport withWhatIf(List<VerdictFlip> flips) {
        return new EvaluationReport(id, rulesVersion, evaluatedAt, label, verdict, firedRules, warnings,
                List.copyOf(flips));
    }

    /** Keyed by option in declaration order, so clients always see both keys, Django ORM first. */
    private static Map<Option, Integer> scores(Scores scores) {
        Map<Option, Integer> byOption = new EnumMap<>(Option.class);
        for (Option option : Option.values()) {
            byOption.put(option, scores.of(option));
        }
        return Collections.unmodifiableMap(byOption);
    }

    public record VerdictView(Choice choice, Confidence confidence, Map<Option, Integer> scores) {

        public static VerdictView of(Decision decision) {
            return new VerdictView(decision.verdict().choice(), decision.verdict().confidence(),
                    EvaluationReport.scores(decision.scores()));
        }
    }

    public record FiredRuleView(String name, List<String> statements, RuleKind kind, String explanation, String file,
            List<EvidenceView> evidence) {

        public static FiredRuleView of(FiredRule fired) {
            return new FiredRuleView(fired.rule().name(), fired.rule().statements(), fired.rule().kind(),
                    fired.rule().explanation(), fired.rule().file(),
                    fired.evidence().stream().map(EvidenceView::of).toList());
        }
    }

    public record EvidenceView(Option option, int weight) {

        public static EvidenceView of(Evidence evidence) {
            return new EvidenceView(evidence.option(), evidence.weight());
        }
    }

    public record WarningView(String statement, String rule, String message, RuleKind kind, String explanation,
            String file) {

        public static WarningView of(RaisedWarning raised) {
            return new WarningView(raised.warning().statement(), raised.rule().name(), raised.warning().message(),
                    raised.rule().kind(), raised.rule().explanation(), raised.rule().file());
        }
    }
}
