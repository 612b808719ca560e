package dev.ormadvisor.rulesets;

import dev.ormadvisor.engine.RuleSources;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of a rule set as files: path relative to the rules folder ({@code /} separators) to content, as
 * {@link RuleSources#files()} and the audit's snapshots hold them (an {@code .xlsx} in base64). Files other than
 * rule files (statements.yaml, scenarios) may be there: they are compared as text.
 */
public record RuleSetVersion(String version, SortedMap<String, String> files) {

    public RuleSetVersion {
        files = new TreeMap<>(files);
        // A snapshot stores what Drools generated from each .xlsx beside it; it is not a file of the folder.
        files.keySet().removeIf(path -> path.endsWith(RuleSources.GENERATED_DRL));
    }

    public static RuleSetVersion of(String version, Map<String, String> files) {
        return new RuleSetVersion(version, new TreeMap<>(files));
    }

    /** The rule files of a loaded version, as the service compiled them. */
    public static RuleSetVersion of(RuleSources sources) {
        return new RuleSetVersion(sources.version(), sources.ruleFiles());
    }
}
