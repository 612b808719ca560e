package dev.ormadvisor.engine;

/**
 * The rule base could not reach an answer for these facts: a rule looped past the firing limit, a consequence
 * threw, or the verdict rules did not produce exactly one verdict. A defect in the rules, not in the request.
 */
public class EvaluationFailedException extends RuntimeException {

    private final String rule;

    public EvaluationFailedException(String message, String rule, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The rule at fault, or {@code null} when no single rule is. */
    public String rule() {
        return rule;
    }
}
