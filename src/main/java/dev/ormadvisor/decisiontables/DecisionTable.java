package dev.ormadvisor.decisiontables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.drools.template.parser.DecisionTableParseException;

/**
 * Turns a decision table file into DRL with Drools' own decision-table support ({@code drools-decisiontables}):
 * its CSV parser for {@code .drl.csv}, its Excel parser for {@code .drl.xlsx} (once {@link XlsxPreflight} has let
 * the workbook through), and its rule-sheet listener for the RuleSet and RuleTable layout. Never throws for a bad
 * table: what is wrong comes back as {@link CellProblem}s.
 */
public final class DecisionTable {

    private static final Pattern CELL = Pattern.compile("\\b(?:cell|Cell|at|row:?)\\s+([A-Z]{1,3})([0-9]{1,7})\\b");
    private static final String NO_RULE_TABLE = "No RuleTable cells in spreadsheet.";

    static {
        // Second line of defence behind XlsxPreflight, for anything that opens a workbook through POI.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(TableLimits.MAX_UNZIPPED_BYTES);
    }

    private DecisionTable() {
    }

    public static Translation translate(TableFormat format, byte[] content) {
        CellGrid grid = new CellGrid();
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener(true, true);
        List<DataListener> listeners = new ArrayList<>(List.of(grid, rules));
        try {
            if (format == TableFormat.CSV) {
                new CsvParser(listeners, new CsvLineParser()).parseFile(new ByteArrayInputStream(csv(content)));
            } else {
                XlsxPreflight.check(content);
                new ExcelParser(listeners).parseWorkbook(workbook(content));
            }
            return Translation.compiled(new SpreadsheetCompiler().listenerToString(rules), grid);
        } catch (TableRefusedException e) {
            return Translation.failed(e.problem(), grid);
        } catch (DecisionTableParseException e) {
            return Translation.failed(problemOf(e), grid);
        } catch (RuntimeException e) {
            return Translation.failed(new CellProblem(0, null, "Drools could not read this table: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), grid);
        }
    }

    /** The CSV bytes Drools reads: within bounds, and without the byte-order mark some spreadsheets write first. */
    private static byte[] csv(byte[] content) {
        if (content.length > TableLimits.MAX_FILE_BYTES) {
            throw new TableRefusedException(new CellProblem(0, null, "the file is " + content.length
                    + " bytes; a decision table may be at most " + TableLimits.MAX_FILE_BYTES + " bytes"));
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long lines = text.lines().count();
        if (lines > TableLimits.MAX_ROWS) {
            throw new TableRefusedException(new CellProblem(0, null, "the file has " + lines
                    + " lines; a decision table may have at most " + TableLimits.MAX_ROWS));
        }
        int row = 0;
        for (String line : text.lines().toList()) {
            row++;
            int commas = (int) line.chars().filter(c -> c == ',').count();
            if (commas >= TableLimits.MAX_COLUMNS) {
                throw new TableRefusedException(new CellProblem(row, null, "row " + row + " has more than "
                        + TableLimits.MAX_COLUMNS + " columns; a decision table may have at most "
                        + TableLimits.MAX_COLUMNS));
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Workbook workbook(byte[] content) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new TableRefusedException(new CellProblem(0, null,
                    "this is not an Excel .xlsx workbook that can be read (" + e.getMessage() + ")"));
        }
    }

    private static CellProblem problemOf(DecisionTableParseException e) {
        String message = e.getMessage() == null ? "the table cannot be read" : e.getMessage();
        if (message.contains(NO_RULE_TABLE)) {
            return new CellProblem(0, null, "no cell says RuleTable: a decision table needs a \"RuleTable <name>\""
                    + " cell above its column headers");
        }
        Matcher cell = CELL.matcher(message);
        if (cell.find()) {
            return new CellProblem(Integer.parseInt(cell.group(2)), cell.group(1), message);
        }
        return new CellProblem(0, null, message);
    }
}
