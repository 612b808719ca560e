package dev.ormadvisor.decisiontables;

import dev.ormadvisor.decisiontables.CellGrid.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table turned into DRL by Drools, with the way back: which spreadsheet row made which generated rule,
 * and which column a problem in that rule comes from. The generated DRL is what Drools compiles; its authors only
 * ever see rows and columns.
 */
public final class Translation {

    /** Drools writes this comment above every rule it generates: {@code // rule values at B12, header at B5}. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^\\s*// rule values at ([A-Z]+)([0-9]+),");
    private static final Pattern POSITION = Pattern.compile("\\bLine ([0-9]+):([0-9]+)\\s*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{3,}");
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"(.*)\"\\s*$");

    private final String drl;
    private final List<CellProblem> problems;
    private final CellGrid grid;
    private final List<GeneratedRule> rules;

    private Translation(String drl, List<CellProblem> problems, CellGrid grid) {
        this.drl = drl;
        this.problems = List.copyOf(problems);
        this.grid = grid;
        this.rules = drl == null ? List.of() : generatedRules(drl);
    }

    static Translation compiled(String drl, CellGrid grid) {
        return new Translation(drl, List.of(), grid);
    }

    static Translation failed(CellProblem problem, CellGrid grid) {
        return new Translation(null, List.of(problem), grid);
    }

    /** The DRL Drools generated; empty when the table could not be read ({@link #problems()} says why). */
    public Optional<String> drl() {
        return Optional.ofNullable(drl);
    }

    public List<CellProblem> problems() {
        return problems;
    }

    /** The spreadsheet row (1-based) of the rule of that name, 0 if the table generated no such rule. */
    public int rowOf(String ruleName) {
        return rules.stream().filter(rule -> rule.name().equals(ruleName)).mapToInt(GeneratedRule::row)
                .findFirst().orElse(0);
    }

    /** The spreadsheet row whose rule holds this line of the generated DRL, 0 for the lines before any rule. */
    public int rowAt(int drlLine) {
        return ruleAt(drlLine).map(GeneratedRule::row).orElse(0);
    }

    /** The METADATA column writing {@code @tag(...)} in the table of that row, if there is one. */
    public Optional<Column> metadataColumn(int row, String tag) {
        return grid.columnsFor(row).stream().filter(TableColumn::isMetadata).filter(column -> column.tag().equals(tag))
                .findFirst().map(column -> new Column(column.letters(), column.title()));
    }

    /**
     * The column a compile error at this line of the generated DRL comes from, when it can be told: the cell at the
     * position a parser error points to; else the one cell whose value the message quotes; else the one cell whose
     * value is written on that line.
     */
    public Optional<Column> columnAt(int drlLine, String message) {
        Optional<GeneratedRule> rule = ruleAt(drlLine);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        int row = rule.get().row();
        String lineText = drl.lines().skip(Math.max(0, drlLine - 1)).findFirst().orElse("");
        Map<Integer, String> cells = grid.row(row);
        Matcher position = POSITION.matcher(message);
        String words = position.replaceAll("");
        List<TableColumn> onLine = new ArrayList<>();
        List<TableColumn> quoted = new ArrayList<>();
        for (TableColumn column : grid.columnsFor(row)) {
            String value = cells.get(column.index());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (lineText.contains(value)) {
                onLine.add(column);
            }
            if (!column.isName() && Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])")
                    .matcher(words).find()) {
                quoted.add(column);
            }
        }
        if (position.reset().find() && !onLine.isEmpty()) {
            Optional<TableColumn> pointed = nearest(onLine, cells, lineText, Integer.parseInt(position.group(2)));
            if (pointed.isPresent()) {
                return pointed.map(Translation::column);
            }
        }
        if (quoted.size() == 1) {
            return Optional.of(column(quoted.get(0)));
        }
        List<TableColumn> named = onLine.stream().filter(column -> namesAWordOfItsOwn(column, cells, words)).toList();
        if (named.size() == 1) {
            return Optional.of(column(named.get(0)));
        }
        return onLine.size() == 1 ? Optional.of(column(onLine.get(0))) : Optional.empty();
    }

    /**
     * Whether the message names a word (a field, a type) written in this cell and in no other cell of the row: a
     * message often quotes only part of a cell ({@code mostlyCrudd == true} of a longer condition).
     */
    private static boolean namesAWordOfItsOwn(TableColumn column, Map<Integer, String> cells, String message) {
        if (column.isName()) {
            return false;
        }
        List<String> others = cells.entrySet().stream().filter(cell -> cell.getKey() != column.index())
                .map(Map.Entry::getValue).toList();
        Matcher word = WORD.matcher(cells.get(column.index()));
        while (word.find()) {
            String text = word.group();
            if (others.stream().noneMatch(other -> other.contains(text))
                    && Pattern.compile("\\b" + Pattern.quote(text) + "\\b").matcher(message).find()) {
                return true;
            }
        }
        return false;
    }

    /** The cell written where a parser points ({@code Line 44:50}): the one whose text spans or just precedes it. */
    private static Optional<TableColumn> nearest(List<TableColumn> columns, Map<Integer, String> cells,
            String lineText, int offset) {
        TableColumn best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (TableColumn column : columns) {
            String value = cells.get(column.index());
            for (int start = lineText.indexOf(value); start >= 0; start = lineText.indexOf(value, start + 1)) {
                int end = start + value.length();
                int distance = offset >= start && offset <= end ? 0 : offset > end ? offset - end : Integer.MAX_VALUE;
                if (distance < bestDistance) {
                    best = column;
                    bestDistance = distance;
                    tie = false;
                } else if (distance == bestDistance && column != best && distance != Integer.MAX_VALUE) {
                    tie = true;
                }
            }
        }
        return tie || best == null ? Optional.empty() : Optional.of(best);
    }

    private static Column column(TableColumn column) {
        return new Column(column.letters(), column.title());
    }

    /**
     * A message about generated DRL without the generated line and position a parser puts in it
     * ({@code [ERR 101] Line 44:50 no viable alternative…}): its reader never saw those lines.
     */
    public static String withoutGeneratedPosition(String message) {
        return POSITION.matcher(message).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    private Optional<GeneratedRule> ruleAt(int drlLine) {
        GeneratedRule found = null;
        for (GeneratedRule rule : rules) {
            if (rule.firstLine() <= drlLine) {
                found = rule;
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<GeneratedRule> generatedRules(String drl) {
        List<GeneratedRule> rules = new ArrayList<>();
        List<String> lines = drl.lines().toList();
        int row = 0;
        int firstLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher comment = ROW_COMMENT.matcher(lines.get(i));
            if (comment.find()) {
                row = Integer.parseInt(comment.group(2));
                firstLine = i + 1;
                continue;
            }
            Matcher rule = RULE_LINE.matcher(lines.get(i));
            if (rule.matches() && row > 0) {
                rules.add(new GeneratedRule(rule.group(1).replace("\\\"", "\""), row, firstLine));
                row = 0;
            }
        }
        return rules;
    }

    /** A column of the table as its author knows it: its letters ({@code E}) and its label ({@code Weight}). */
    public record Column(String letters, String title) {
    }

    private record GeneratedRule(String name, int row, int firstLine) {
    }
}
