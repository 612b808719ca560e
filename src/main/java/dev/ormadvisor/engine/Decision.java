package dev.ormadvisor.engine;

import dev.ormadvisor.conclusions.Scores;
import dev.ormadvisor.conclusions.Verdict;
import java.util.List;

/** What one rule set version concluded from one set of facts. */
public record Decision(String rulesVersion, Verdict verdict, Scores scores, List<FiredRule> firedRules,
        List<RaisedWarning> warnings) {

    public Decision {
        firedRules = List.copyOf(firedRules);
        warnings = List.copyOf(warnings);
    }
}
