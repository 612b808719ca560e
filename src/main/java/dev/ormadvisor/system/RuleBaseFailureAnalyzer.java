package dev.ormadvisor.system;

import dev.ormadvisor.engine.InvalidRuleBaseException;
import dev.ormadvisor.engine.RuleError;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken rule base at start-up into a list a domain expert can work through, instead of a stack trace. */
class RuleBaseFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRuleBaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRuleBaseException cause) {
        String errors = cause.errors().stream().map(RuleError::toString).map(line -> "    " + line)
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The rule base in advisor.rules.dir does not compile, so the service refuses to start.\n"
                        + "Errors (file:line: message):\n" + errors,
                "Fix the rule files listed above, or point advisor.rules.dir (ADVISOR_RULES_DIR) at a valid rules"
                        + " folder.",
                cause);
    }
}
