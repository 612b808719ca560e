package dev.ormadvisor.rulesets;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.ormadvisor.decisiontables.TableFormat;
import dev.ormadvisor.engine.RuleDescription;
import dev.ormadvisor.engine.RuleDescriptions;
import dev.ormadvisor.engine.RuleError;
import dev.ormadvisor.rulesets.RuleSetDiff.Aspect;
import dev.ormadvisor.rulesets.RuleSetDiff.AspectChange;
import dev.ormadvisor.rulesets.RuleSetDiff.ChangedRule;
import dev.ormadvisor.rulesets.RuleSetDiff.FileChange;
import dev.ormadvisor.rulesets.RuleSetDiff.FileDiff;
import dev.ormadvisor.rulesets.RuleSetDiff.RuleChanges;
import dev.ormadvisor.rulesets.RuleSetDiff.StatementChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two versions of a rule set: the rules from their parsed descriptions (by name, so a rule that moved
 * is the same rule), and every file as text with java-diff-utils. A decision table in a workbook is compared
 * through the DRL it stands for, since its bytes tell a reader nothing.
 */
public final class RuleSetComparison {

    /** Lines of context around each change, as {@code git diff} shows them. */
    private static final int CONTEXT_LINES = 3;

    private static final String NO_FILE = "/dev/null";

    private RuleSetComparison() {
    }

    public static RuleSetDiff compare(RuleSetVersion from, RuleSetVersion to) {
        RuleDescriptions before = RuleDescriptions.of(from.files());
        RuleDescriptions after = RuleDescriptions.of(to.files());
        List<RuleError> unreadable = new ArrayList<>(before.problems());
        unreadable.addAll(after.problems());
        Set<String> unreadableFiles = unreadable.stream().map(RuleError::file).collect(Collectors.toSet());
        Map<String, RuleDescription> beforeByName = byName(before.rules(), unreadableFiles);
        Map<String, RuleDescription> afterByName = byName(after.rules(), unreadableFiles);
        return new RuleSetDiff(from.version(), to.version(), ruleChanges(beforeByName, afterByName),
                fileDiffs(from, before, to, after), statementChanges(beforeByName, afterByName), unreadable);
    }

    /** The first rule of each name: a duplicate name is the compiler's error to report, not the diff's. */
    private static Map<String, RuleDescription> byName(List<RuleDescription> rules, Set<String> unreadableFiles) {
        return rules.stream().filter(rule -> !unreadableFiles.contains(rule.file()))
                .collect(Collectors.toMap(RuleDescription::name, Function.identity(), (first, second) -> first,
                        TreeMap::new));
    }

    private static RuleChanges ruleChanges(Map<String, RuleDescription> before, Map<String, RuleDescription> after) {
        List<String> added = after.keySet().stream().filter(name -> !before.containsKey(name)).toList();
        List<String> removed = before.keySet().stream().filter(name -> !after.containsKey(name)).toList();
        List<ChangedRule> changed = new ArrayList<>();
        after.forEach((name, now) -> {
            RuleDescription was = before.get(name);
            if (was != null) {
                List<AspectChange> changes = changes(was, now);
                if (!changes.isEmpty()) {
                    changed.add(new ChangedRule(name, now.file(), now.line(), changes));
                }
            }
        });
        return new RuleChanges(added, removed, changed);
    }

    /** Layout alone (indentation, line breaks) changes no aspect: the file's diff still shows it. */
    private static List<AspectChange> changes(RuleDescription was, RuleDescription now) {
        List<AspectChange> changes = new ArrayList<>();
        addIfChanged(changes, Aspect.CONDITIONS, was.conditions(), now.conditions());
        addIfChanged(changes, Aspect.CONSEQUENCE, was.consequence(), now.consequence());
        addIfChanged(changes, Aspect.METADATA, tags(was.metadata()), tags(now.metadata()));
        addIfChanged(changes, Aspect.SALIENCE, was.salience(), now.salience());
        addIfChanged(changes, Aspect.ATTRIBUTES, attributes(was.attributes()), attributes(now.attributes()));
        addIfChanged(changes, Aspect.FILE, was.file(), now.file());
        return changes;
    }

    private static void addIfChanged(List<AspectChange> changes, Aspect aspect, String before, String after) {
        if (!Objects.equals(layoutFree(before), layoutFree(after))) {
            changes.add(new AspectChange(aspect, blankAsNone(before), blankAsNone(after)));
        }
    }

    private static String layoutFree(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    private static String blankAsNone(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code @name(value)} per line, in name order: the order tags are written in does not matter to Drools. */
    private static String tags(SortedMap<String, String> metadata) {
        return metadata.entrySet().stream().map(tag -> "@" + tag.getKey() + "(" + tag.getValue() + ")")
                .collect(Collectors.joining("\n"));
    }

    private static String attributes(SortedMap<String, String> attributes) {
        return attributes.entrySet().stream().map(attribute -> attribute.getKey() + " " + attribute.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static StatementChanges statementChanges(Map<String, RuleDescription> before,
            Map<String, RuleDescription> after) {
        return new StatementChanges(citedOnlyBy(after, before), citedOnlyBy(before, after));
    }

    /** Statement key to the rules of {@code these} that cite it where the same-named rule of {@code others} does not. */
    private static SortedMap<String, List<String>> citedOnlyBy(Map<String, RuleDescription> these,
            Map<String, RuleDescription> others) {
        SortedMap<String, SortedSet<String>> rulesByKey = new TreeMap<>();
        these.forEach((name, rule) -> {
            RuleDescription other = others.get(name);
            List<String> otherKeys = other == null ? List.of() : other.statements();
            rule.statements().stream().filter(key -> !otherKeys.contains(key))
                    .forEach(key -> rulesByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(name));
        });
        SortedMap<String, List<String>> result = new TreeMap<>();
        rulesByKey.forEach((key, names) -> result.put(key, List.copyOf(names)));
        return result;
    }

    private static List<FileDiff> fileDiffs(RuleSetVersion from, RuleDescriptions before, RuleSetVersion to,
            RuleDescriptions after) {
        SortedSet<String> paths = new TreeSet<>(from.files().keySet());
        paths.addAll(to.files().keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            String was = from.files().get(path);
            String now = to.files().get(path);
            if (Objects.equals(was, now)) {
                continue;
            }
            FileChange change = was == null ? FileChange.ADDED : now == null ? FileChange.REMOVED : FileChange.CHANGED;
            diffs.add(new FileDiff(path, change, unifiedDiff(path, readable(path, was, before), change != FileChange.ADDED,
                    readable(path, now, after), change != FileChange.REMOVED)));
        }
        return diffs;
    }

    /** A workbook as the DRL generated from it; one that cannot be read shows as a line saying so. */
    private static List<String> readable(String path, String stored, RuleDescriptions described) {
        if (stored == null) {
            return List.of();
        }
        if (TableFormat.of(path).filter(format -> format == TableFormat.XLSX).isPresent()) {
            String drl = described.generatedDrl().get(path);
            return drl == null ? List.of("// this workbook could not be read as a decision table") : lines(drl);
        }
        return lines(stored);
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static String unifiedDiff(String path, List<String> was, boolean existed, List<String> now,
            boolean exists) {
        String label = TableFormat.of(path).filter(format -> format == TableFormat.XLSX).isPresent()
                ? path + " (DRL generated from the workbook)" : path;
        Patch<String> patch = DiffUtils.diff(was, now);
        List<String> lines = new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(existed ? "a/" + label : NO_FILE,
                exists ? "b/" + label : NO_FILE, was, patch, CONTEXT_LINES));
        if (patch.getDeltas().isEmpty()) {
            lines.add(label.equals(path) ? "# only the line endings changed"
                    : "# the workbook's bytes changed, the rules it stands for did not");
        }
        return String.join("\n", lines) + "\n";
    }
}
