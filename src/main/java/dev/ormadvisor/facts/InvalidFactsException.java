package dev.ormadvisor.facts;

import java.util.List;

/** Facts that cannot be used as they were written, with every problem found, each naming its field. */
public final class InvalidFactsException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidFactsException(List<FieldProblem> problems) {
        super(problems.get(0).describe());
        this.problems = List.copyOf(problems);
    }

    /** Never empty; sorted by field, then message. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
