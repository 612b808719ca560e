package dev.ormadvisor.web;

import dev.ormadvisor.facts.FieldProblem;

/** A query parameter or body field that cannot be used as given: answered 400 naming it. */
class InvalidParameterException extends RuntimeException {

    private final transient FieldProblem problem;
    private final String detail;

    InvalidParameterException(FieldProblem problem) {
        this(problem, null);
    }

    /** With a {@code detail} of its own for the problem body, instead of one worded from {@code problem}. */
    InvalidParameterException(FieldProblem problem, String detail) {
        super(detail == null ? problem.describe() : detail);
        this.problem = problem;
        this.detail = detail;
    }

    FieldProblem problem() {
        return problem;
    }

    /** The problem body's detail, or {@code null} to word it from {@link #problem()}. */
    String detail() {
        return detail;
    }
}
