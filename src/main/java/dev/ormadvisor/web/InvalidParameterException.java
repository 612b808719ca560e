package dev.ormadvisor.web;

import dev.ormadvisor.facts.FieldProblem;

/** A query parameter or body field of the audit endpoints that cannot be used as given: answered 400. */
class InvalidParameterException extends RuntimeException {

    private final transient FieldProblem problem;

    InvalidParameterException(FieldProblem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    FieldProblem problem() {
        return problem;
    }
}
