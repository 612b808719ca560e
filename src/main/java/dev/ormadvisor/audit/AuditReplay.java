package dev.ormadvisor.audit;

import dev.ormadvisor.audit.ReplayReport.Change;
import dev.ormadvisor.audit.ReplayReport.Outcome;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.evaluation.Evaluation;
import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.facts.FactsJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers stored evaluations again with the rule set now in service, to see what an edit of the rules would have
 * changed for real requests. Nothing is written: a replay is a question about the rules, not an evaluation.
 */
public final class AuditReplay {

    private final AuditLog log;
    private final RuleBaseInService rules;
    private final JsonMapper json;
    private final JsonMapper factsReader = FactsJson.strictMapper();
    private final Clock clock;

    AuditReplay(AuditLog log, RuleBaseInService rules, JsonMapper json, Clock clock) {
        this.log = log;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    /** Newest first, at most {@code limit} evaluations, all against the one version in service when it starts. */
    public ReplayReport replay(EvaluationFilter filter, int limit) {
        return replay(rules.current(), filter, limit);
    }

    /** Newest first, at most {@code limit} evaluations, against a rule base that need not be in service. */
    public ReplayReport replay(RuleBase ruleBase, EvaluationFilter filter, int limit) {
        Tally tally = new Tally();
        log.forEachMatching(filter, limit, stored -> {
            // Read as strictly as the request was: the stored body is exactly what the API accepted.
            EvaluationRequest request = factsReader.readValue(stored.facts(), EvaluationRequest.class);
            // The new answer goes through the same serialization as the stored one, so both are read alike.
            Answer before = Answer.of(json.readTree(stored.answer()));
            Answer after = Answer.of(json.valueToTree(EvaluationReport.of(
                    Evaluation.of(ruleBase, request.label(), request.facts(), clock))));
            tally.add(stored, before, after);
        });
        return new ReplayReport(ruleBase.version(), tally.replayed, tally.verdictsChanged, tally.warningsChanged,
                List.copyOf(tally.changes));
    }

    private static final class Tally {

        private int replayed;
        private int verdictsChanged;
        private int warningsChanged;
        private final List<Change> changes = new ArrayList<>();

        void add(StoredEvaluation stored, Answer before, Answer after) {
            replayed++;
            boolean verdictChanged = !before.outcome().choice().equals(after.outcome().choice());
            boolean warningChanged = !new HashSet<>(before.outcome().warnings())
                    .equals(new HashSet<>(after.outcome().warnings()));
            verdictsChanged += verdictChanged ? 1 : 0;
            warningsChanged += warningChanged ? 1 : 0;
            if (verdictChanged || warningChanged) {
                changes.add(new Change(stored.id(), stored.evaluatedAt(), stored.rulesVersion(), before.outcome(),
                        after.outcome(), missingFrom(before.firedRules(), after.firedRules()),
                        missingFrom(after.firedRules(), before.firedRules())));
            }
        }

        /** The names of {@code names} that {@code others} lacks, once each, in order. */
        private static List<String> missingFrom(List<String> names, List<String> others) {
            Set<String> missing = new LinkedHashSet<>(names);
            missing.removeAll(others);
            return List.copyOf(missing);
        }
    }

    private record Answer(Outcome outcome, List<String> firedRules) {

        static Answer of(JsonNode answer) {
            JsonNode verdict = answer.get("verdict");
            Map<String, Integer> scores = new LinkedHashMap<>();
            verdict.get("scores").properties().forEach(score -> scores.put(score.getKey(), score.getValue().asInt()));
            return new Answer(new Outcome(verdict.get("choice").asString(), verdict.get("confidence").asString(),
                    scores, answer.get("warnings").findValuesAsString("statement")),
                    answer.get("firedRules").findValuesAsString("name"));
        }
    }
}
