package dev.ormadvisor.engine;

import dev.ormadvisor.conclusions.Evidence;
import dev.ormadvisor.conclusions.Scores;
import dev.ormadvisor.conclusions.Verdict;
import dev.ormadvisor.conclusions.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records, for one session, every rule that fired in firing order and what its consequence inserted. Listening
 * to inserts (rather than asking the rules to name themselves) keeps consequences down to a plain
 * {@code insert(...)}.
 */
final class FiringTrace extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final Map<String, RuleDefinition> rulesByName;
    private final List<FiredRule> fired = new ArrayList<>();
    private final List<RaisedWarning> warnings = new ArrayList<>();
    private final List<Scores> scores = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private List<Evidence> currentEvidence = new ArrayList<>();

    FiringTrace(Map<String, RuleDefinition> rulesByName) {
        this.rulesByName = rulesByName;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        currentEvidence = new ArrayList<>();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(new FiredRule(definition(event.getMatch().getRule().getName()), currentEvidence));
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object inserted = event.getObject();
        if (inserted instanceof Evidence evidence) {
            currentEvidence.add(evidence);
        } else if (inserted instanceof Warning warning) {
            warnings.add(new RaisedWarning(warning, definition(event.getRule().getName())));
        } else if (inserted instanceof Scores sums) {
            scores.add(sums);
        } else if (inserted instanceof Verdict verdict) {
            verdicts.add(verdict);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Conclusions are immutable records: nothing to follow.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Conclusions are never retracted by the shipped rules; a retracted one still fired and stays in the trace.
    }

    List<FiredRule> fired() {
        return fired;
    }

    List<RaisedWarning> warnings() {
        return warnings;
    }

    List<Scores> scores() {
        return scores;
    }

    List<Verdict> verdicts() {
        return verdicts;
    }

    private RuleDefinition definition(String ruleName) {
        return rulesByName.get(ruleName);
    }
}
