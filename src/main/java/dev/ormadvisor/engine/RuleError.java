package dev.ormadvisor.engine;

/**
 * A problem in the rules folder, where a domain expert can find it: file relative to the folder, 1-based line
 * (for a decision table, the spreadsheet row), and for a decision table the column's letters when one column is to
 * blame ({@code null} otherwise).
 */
public record RuleError(String file, int line, String column, String message) {

    public RuleError(String file, int line, String message) {
        this(file, line, null, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (column == null ? "" : "column " + column + ": ") + message;
    }
}
