package dev.ormadvisor.scenarios;

import dev.ormadvisor.engine.EvaluationFailedException;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseCheck;
import dev.ormadvisor.engine.RuleError;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires a candidate rule base on the facts of every scenario before it may serve: a rule that loops or throws
 * on those facts would otherwise surface only as failed evaluations. Whether the answers match the scenarios'
 * expectations is {@code check}'s business, not a reason to keep an edit out of service.
 */
public final class ScenarioFactsCheck implements RuleBaseCheck {

    public static final String FOLDER = "scenarios";

    private final ScenarioFiles files;

    public ScenarioFactsCheck(ScenarioFiles files) {
        this.files = files;
    }

    @Override
    public List<RuleError> check(RuleBase candidate) {
        List<Scenario> scenarios;
        try {
            scenarios = files.read(candidate.sources().dir().resolve(FOLDER));
        } catch (InvalidScenarioException e) {
            return List.of(new RuleError(FOLDER + "/" + e.file(), e.line(), e.getMessage()));
        } catch (UncheckedIOException e) {
            return List.of(new RuleError(FOLDER, 0, e.getMessage()));
        }
        List<RuleError> errors = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try {
                candidate.decide(scenario.facts());
            } catch (EvaluationFailedException e) {
                errors.add(errorFor(candidate, scenario, e));
            }
        }
        return errors.stream().distinct().toList();
    }

    private static RuleError errorFor(RuleBase candidate, Scenario scenario, EvaluationFailedException failure) {
        String problem = failure.getMessage() + " (on the facts of scenario " + FOLDER + "/" + scenario.file() + ")";
        return candidate.rules().stream().filter(rule -> rule.name().equals(failure.rule())).findFirst()
                .map(rule -> new RuleError(rule.file(), rule.line(), problem))
                .orElseGet(() -> new RuleError(FOLDER + "/" + scenario.file(), 0, problem));
    }
}
