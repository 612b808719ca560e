package dev.ormadvisor.decisiontables;

/**
 * What is wrong with a decision table, where its author sees it: {@code row} is 1-based as a spreadsheet numbers
 * its rows (0 when the problem is the whole file), {@code column} the column's letters ({@code null} when no single
 * column is to blame).
 */
public record CellProblem(int row, String column, String message) {
}
