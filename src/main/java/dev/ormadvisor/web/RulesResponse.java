package dev.ormadvisor.web;

import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleDefinition;
import dev.ormadvisor.engine.RuleKind;
import dev.ormadvisor.engine.Statement;
import java.util.List;

/** The rule set in service, and for each article statement the rules that encode it. */
record RulesResponse(String version, List<RuleView> rules, List<StatementView> statements) {

    static RulesResponse of(RuleBase ruleBase) {
        List<RuleDefinition> rules = ruleBase.rules();
        return new RulesResponse(ruleBase.version(), rules.stream().map(RuleView::of).toList(),
                ruleBase.catalog().statements().stream().map(statement -> StatementView.of(statement, rules))
                        .toList());
    }

    record RuleView(String name, String file, int line, RuleKind kind, List<String> statements,
            String explanation) {

        static RuleView of(RuleDefinition rule) {
            return new RuleView(rule.name(), rule.file(), rule.line(), rule.kind(), rule.statements(),
                    rule.explanation());
        }
    }

    /** {@code rules} is empty for a statement no rule encodes yet, which is how gaps in coverage show up. */
    record StatementView(String key, RuleKind kind, String section, String text, List<String> rules) {

        static StatementView of(Statement statement, List<RuleDefinition> rules) {
            return new StatementView(statement.key(), statement.kind(), statement.section(), statement.text(),
                    rules.stream().filter(rule -> rule.statements().contains(statement.key()))
                            .map(RuleDefinition::name).toList());
        }
    }
}
