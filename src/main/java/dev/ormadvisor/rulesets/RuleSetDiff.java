package dev.ormadvisor.rulesets;

import dev.ormadvisor.engine.RuleError;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What changed from one rule set version to another: rule by rule ({@code rules}), file by file as unified
 * diffs ({@code files}), and which statement keys of the article gained or lost rules ({@code statements}).
 * {@code unreadable} names the files of either version whose rules could not be read; their rules are left out
 * of {@code rules} on both sides, so that a typo never reads as every rule of the file removed.
 */
public record RuleSetDiff(String from, String to, RuleChanges rules, List<FileDiff> files,
        StatementChanges statements, List<RuleError> unreadable) {

    public RuleSetDiff {
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    /** Whether the two versions hold the same files, byte for byte. */
    public boolean identical() {
        return files.isEmpty();
    }

    /** Rule names added and removed, sorted; changed rules sorted by name. */
    public record RuleChanges(List<String> added, List<String> removed, List<ChangedRule> changed) {

        public RuleChanges {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }

    /** A rule of both versions that differs: where it is now, and each aspect that changed. */
    public record ChangedRule(String name, String file, int line, List<AspectChange> changes) {

        public ChangedRule {
            changes = List.copyOf(changes);
        }
    }

    /** One aspect of a rule, before and after ({@code null} where the rule has none, e.g. no salience). */
    public record AspectChange(Aspect aspect, String before, String after) {
    }

    /**
     * What can change about a rule. The consequence holds the weight ({@code insert( new Evidence( Option.X, 3 ) )});
     * metadata is its tags ({@code @statements}, {@code @kind}, {@code @explanation}); attributes are those other
     * than salience ({@code no-loop}, ...); file is the file it is in (it moved).
     */
    public enum Aspect {
        CONDITIONS, CONSEQUENCE, METADATA, SALIENCE, ATTRIBUTES, FILE
    }

    /** One file that was added, removed or changed, with its unified diff ({@code a/path}, {@code b/path}). */
    public record FileDiff(String path, FileChange change, String unifiedDiff) {
    }

    public enum FileChange {
        ADDED, REMOVED, CHANGED
    }

    /**
     * Statement key to the names of the rules that now encode it and did not before ({@code gained}), or did
     * before and no longer do ({@code lost}): through an added or removed rule, or a changed {@code @statements}.
     */
    public record StatementChanges(SortedMap<String, List<String>> gained, SortedMap<String, List<String>> lost) {

        public StatementChanges {
            gained = new TreeMap<>(gained);
            lost = new TreeMap<>(lost);
        }
    }
}
