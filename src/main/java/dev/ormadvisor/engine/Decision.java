package dev.ormadvisor.engine;

import dev.ormadvisor.conclusions.Scores;
import dev.ormadvisor.conclusions.Verdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one rule set version concluded from one set of facts. */
public record Decision(String rulesVersion, Verdict verdict, Scores scores, List<FiredRule> firedRules,
        List<RaisedWarning> warnings) {

    public Decision {
        firedRules = List.copyOf(firedRules);
        warnings = List.copyOf(warnings);
    }

    /** The statement keys of the rules that fired, each once, in firing order. */
    public Set<String> firedStatements() {
        Set<String> keys = new LinkedHashSet<>();
        firedRules.forEach(fired -> keys.addAll(fired.rule().statements()));
        return keys;
    }
}
