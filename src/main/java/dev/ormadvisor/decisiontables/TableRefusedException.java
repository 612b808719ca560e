package dev.ormadvisor.decisiontables;

/** A table file that is not read at all: too big, not a workbook, or holding what a table must not hold. */
final class TableRefusedException extends RuntimeException {

    private final transient CellProblem problem;

    TableRefusedException(CellProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    CellProblem problem() {
        return problem;
    }
}
