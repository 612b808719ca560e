package dev.ormadvisor.scenarios;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.FiredRule;
import dev.ormadvisor.engine.RuleBase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a scenario against a rule base and lists, in plain words, every way the answer missed. */
public final class ScenarioRunner {

    public ScenarioResult run(RuleBase ruleBase, Scenario scenario) {
        Decision decision = ruleBase.decide(scenario.facts());
        Expectation expect = scenario.expect();
        List<String> failures = new ArrayList<>();
        if (decision.verdict().choice() != expect.verdict()) {
            failures.add("expected verdict " + expect.verdict() + " but got " + decision.verdict().choice()
                    + " (scores: Django ORM " + decision.scores().djangoOrm() + ", SQLAlchemy "
                    + decision.scores().sqlalchemy() + ")");
        }
        if (expect.confidence() != null && decision.verdict().confidence() != expect.confidence()) {
            failures.add("expected confidence " + expect.confidence() + " but got "
                    + decision.verdict().confidence());
        }
        Set<String> fired = decision.firedStatements();
        for (String key : expect.statements()) {
            if (!fired.contains(key)) {
                failures.add("statement " + key + " did not fire; rules that fired: " + firedRuleNames(decision));
            }
        }
        for (String key : expect.absentStatements()) {
            if (fired.contains(key)) {
                failures.add("statement " + key + " fired but must not: " + rulesCiting(decision, key));
            }
        }
        Set<String> warned = warnedStatements(decision);
        for (String key : expect.warnings()) {
            if (!warned.contains(key)) {
                failures.add("warning " + key + " is missing; warnings raised: " + warned);
            }
        }
        for (String key : expect.absentWarnings()) {
            if (warned.contains(key)) {
                failures.add("warning " + key + " was raised but must not be");
            }
        }
        return new ScenarioResult(scenario, decision, failures);
    }

    private static Set<String> warnedStatements(Decision decision) {
        Set<String> keys = new LinkedHashSet<>();
        decision.warnings().forEach(raised -> keys.add(raised.warning().statement()));
        return keys;
    }

    private static List<String> firedRuleNames(Decision decision) {
        return decision.firedRules().stream().map(FiredRule::rule)
                .map(rule -> rule.name() + " " + rule.statements()).toList();
    }

    private static List<String> rulesCiting(Decision decision, String key) {
        return decision.firedRules().stream().map(FiredRule::rule)
                .filter(rule -> rule.statements().contains(key)).map(rule -> "\"" + rule.name() + "\"").toList();
    }
}
