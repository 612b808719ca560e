package dev.ormadvisor.decisiontables;

/**
 * How big a decision table may be. A table is a few dozen rows typed by a person; these bounds are far above that
 * and far below what could slow down or exhaust the service, whatever a file claims to hold.
 */
public final class TableLimits {

    /** The file as stored in the rules folder. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /** Rows of the sheet (CSV lines), the RuleSet and header rows included. */
    public static final int MAX_ROWS = 2_000;

    /** Columns of any row. */
    public static final int MAX_COLUMNS = 100;

    /** Everything inside an {@code .xlsx} (a zip file) once unzipped: a zip bomb stops here, before any parsing. */
    public static final long MAX_UNZIPPED_BYTES = 8L * 1024 * 1024;

    /** Parts inside an {@code .xlsx}. */
    public static final int MAX_ZIP_ENTRIES = 500;

    private TableLimits() {
    }
}
