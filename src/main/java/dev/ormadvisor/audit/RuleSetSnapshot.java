package dev.ormadvisor.audit;

import java.time.Instant;
import java.util.List;

/** The exact text of a rule set version that answered at least one evaluation, files sorted by path. */
public record RuleSetSnapshot(String version, Instant firstServedAt, List<RuleFile> files) {

    public record RuleFile(String path, String text) {
    }
}
