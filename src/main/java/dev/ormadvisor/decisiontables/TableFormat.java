package dev.ormadvisor.decisiontables;

import java.util.Arrays;
import java.util.Optional;

/** The two spreadsheet forms of a decision table, named the way Drools names them: {@code *.drl.csv}, {@code *.drl.xlsx}. */
public enum TableFormat {

    CSV(".drl.csv"),
    XLSX(".drl.xlsx");

    private final String suffix;

    TableFormat(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The format of a rules-folder file, or empty when it is not a decision table. */
    public static Optional<TableFormat> of(String fileName) {
        return Arrays.stream(values()).filter(format -> fileName.endsWith(format.suffix)).findFirst();
    }
}
