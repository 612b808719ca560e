package dev.ormadvisor.engine;

import dev.ormadvisor.decisiontables.DecisionTable;
import dev.ormadvisor.decisiontables.TableFormat;
import dev.ormadvisor.decisiontables.Translation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * The rules of a set of rule files, each {@linkplain RuleDescription described} from the descriptors the DRL
 * parser gives, without compiling anything: so two versions of a rule set, a stored one or a draft that does not
 * compile included, can be compared rule by rule.
 *
 * <p>{@code rules} is ordered by file, then position. {@code problems} names each file that could not be read
 * (its rules are then missing from {@code rules}); {@code generatedDrl} holds, for every decision table that
 * could be read, the DRL it stands for, which is what a reader can compare of an {@code .xlsx}.
 */
public record RuleDescriptions(List<RuleDescription> rules, List<RuleError> problems,
        SortedMap<String, String> generatedDrl) {

    public RuleDescriptions {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
        generatedDrl = new TreeMap<>(generatedDrl);
    }

    /**
     * Describes the rules of {@code files} (path relative to the rules folder to content, as
     * {@link RuleSources#files()} holds it: an {@code .xlsx} in base64). Entries that are not rule files, such as
     * {@code statements.yaml}, scenarios or a snapshot's {@link RuleSources#GENERATED_DRL} entries, are skipped:
     * a table is always read from the table itself, so that its rules are placed at their rows.
     */
    public static RuleDescriptions of(Map<String, String> files) {
        List<RuleDescription> rules = new ArrayList<>();
        List<RuleError> problems = new ArrayList<>();
        SortedMap<String, String> generatedDrl = new TreeMap<>();
        new TreeMap<>(files).forEach((path, stored) -> {
            Optional<TableFormat> table = TableFormat.of(path);
            if (table.isPresent()) {
                Translation translation = DecisionTable.translate(table.get(), RuleSources.content(path, stored));
                translation.problems().forEach(problem -> problems.add(new RuleError(path, problem.row(),
                        problem.column(), problem.message())));
                translation.drl().ifPresent(drl -> {
                    generatedDrl.put(path, drl);
                    describe(path, drl, Optional.of(translation), rules, problems);
                });
            } else if (isDrl(path)) {
                describe(path, stored, Optional.empty(), rules, problems);
            }
        });
        rules.sort(Comparator.comparing(RuleDescription::file).thenComparingInt(RuleDescription::line));
        return new RuleDescriptions(rules, problems, generatedDrl);
    }

    /** Whether a path names a file the rule base is compiled from. */
    public static boolean isRuleFile(String path) {
        return isDrl(path) || TableFormat.of(path).isPresent();
    }

    private static boolean isDrl(String path) {
        return path.endsWith(".drl");
    }

    private static void describe(String path, String drl, Optional<Translation> table, List<RuleDescription> rules,
            List<RuleError> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr parsed;
        try {
            parsed = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            problems.add(new RuleError(path, 0, "Drools could not read this file: " + e.getMessage()));
            return;
        }
        if (parser.hasErrors() || parsed == null) {
            // A table's generated lines mean nothing to its author: name the table, and the row when known.
            parser.getErrors().forEach(error -> problems.add(new RuleError(path, table.map(t -> t.rowAt(lineOf(error)))
                    .orElse(lineOf(error)), RuleBaseCompiler.oneLine(error.getMessage()))));
            return;
        }
        for (RuleDescr rule : parsed.getRules()) {
            if (rule.isRule()) {
                rules.add(new RuleDescription(rule.getName(), path,
                        table.map(t -> t.rowOf(rule.getName())).orElse(rule.getLine()), conditions(rule.getLhs(), drl),
                        String.valueOf(rule.getConsequence()).strip(), metadata(rule), salience(rule),
                        attributes(rule)));
            }
        }
    }

    private static int lineOf(DroolsError error) {
        return Arrays.stream(error.getLines()).filter(line -> line > 0).findFirst().orElse(0);
    }

    /** The conditions exactly as written, comments and line breaks included, between {@code when} and {@code then}. */
    private static String conditions(AndDescr lhs, String drl) {
        if (lhs == null || lhs.getDescrs().isEmpty() || lhs.getStartCharacter() < 0
                || lhs.getEndCharacter() > drl.length() || lhs.getEndCharacter() < lhs.getStartCharacter()) {
            return "";
        }
        return drl.substring(lhs.getStartCharacter(), lhs.getEndCharacter()).strip();
    }

    private static SortedMap<String, String> metadata(RuleDescr rule) {
        SortedMap<String, String> tags = new TreeMap<>();
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            tags.put(annotation.getName(), String.valueOf(annotation.getValue()).strip());
        }
        return tags;
    }

    private static String salience(RuleDescr rule) {
        AttributeDescr salience = rule.getAttributes().get("salience");
        return salience == null ? null : salience.getValue().strip();
    }

    private static SortedMap<String, String> attributes(RuleDescr rule) {
        SortedMap<String, String> attributes = new TreeMap<>();
        rule.getAttributes().forEach((name, attribute) -> {
            if (!name.equals("salience")) {
                attributes.put(name, attribute.getValue().strip());
            }
        });
        return attributes;
    }
}
