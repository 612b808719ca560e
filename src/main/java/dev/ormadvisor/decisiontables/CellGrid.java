package dev.ormadvisor.decisiontables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drools.template.parser.DataListener;

/**
 * The cells of a sheet exactly as Drools' parser handed them to its rule listener (0-based here, 1-based in what
 * it reports), so that a problem in the generated rules can be traced back to the row and column that made it.
 */
final class CellGrid implements DataListener {

    private static final String RULE_TABLE = "ruletable";

    private final TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();

    @Override
    public void startSheet(String name) {
        // one sheet per table file
    }

    @Override
    public void finishSheet() {
        // nothing to flush
    }

    @Override
    public void newRow(int rowNumber, int columns) {
        // rows are created by their first non-empty cell
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (value != null && !value.isBlank()) {
            cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value.strip());
        }
    }

    /** The value of a cell, 1-based row and 0-based column; empty when blank. */
    Optional<String> value(int row, int column) {
        return Optional.ofNullable(cells.getOrDefault(row - 1, new TreeMap<>()).get(column));
    }

    /** The non-blank cells of a 1-based row, by 0-based column. */
    Map<Integer, String> row(int row) {
        return cells.getOrDefault(row - 1, new TreeMap<>());
    }

    /**
     * The columns of the rule table a 1-based data row belongs to: the nearest {@code RuleTable} cell above it,
     * whose next rows are the column types, object types, code and labels.
     */
    List<TableColumn> columnsFor(int dataRow) {
        int tableRow = -1;
        int tableColumn = 0;
        for (var row : cells.headMap(dataRow - 1).entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                String text = cell.getValue().toLowerCase(Locale.ROOT);
                if (text.equals(RULE_TABLE) || text.startsWith(RULE_TABLE + " ")) {
                    tableRow = row.getKey() + 1;
                    tableColumn = cell.getKey();
                }
            }
        }
        List<TableColumn> columns = new ArrayList<>();
        if (tableRow < 0) {
            return columns;
        }
        for (var header : row(tableRow + 1).entrySet()) {
            if (header.getKey() >= tableColumn) {
                int column = header.getKey();
                columns.add(new TableColumn(column, header.getValue(),
                        value(tableRow + 3, column).orElse(""), value(tableRow + 4, column).orElse("")));
            }
        }
        return columns;
    }

    /** One column of a rule table: its type (CONDITION, ACTION, METADATA, NAME…), code template and label. */
    record TableColumn(int index, String type, String code, String label) {

        String letters() {
            return CellGrid.letters(index);
        }

        boolean isMetadata() {
            return type.toUpperCase(Locale.ROOT).equals("METADATA") || type.startsWith("@");
        }

        boolean isName() {
            return type.toUpperCase(Locale.ROOT).equals("NAME") || type.toUpperCase(Locale.ROOT).startsWith("N");
        }

        /** For a METADATA column, the tag its code writes: {@code statements("$param")} writes {@code statements}. */
        String tag() {
            int paren = code.indexOf('(');
            return (paren < 0 ? code : code.substring(0, paren)).replace("@", "").strip();
        }

        /** How the column is named to its author: its label, else its type. */
        String title() {
            return label.isBlank() ? type : label;
        }
    }

    static String letters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
