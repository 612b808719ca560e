package dev.ormadvisor.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder does not make a usable rule base; every error found is listed. */
public class InvalidRuleBaseException extends RuntimeException {

    private final transient List<RuleError> errors;

    public InvalidRuleBaseException(List<RuleError> errors) {
        super("The rule base has " + errors.size() + " error(s):\n" + errors.stream()
                .map(RuleError::toString).map(line -> "  " + line).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
