package dev.ormadvisor.drafts;

import dev.ormadvisor.rulesets.RuleSetDiff;

/** The rules folder no longer holds the draft's base: someone else changed it meanwhile. */
public class StaleDraftException extends RuntimeException {

    private final String folderVersion;
    private final transient RuleSetDiff diff;

    public StaleDraftException(String message, String folderVersion, RuleSetDiff diff) {
        super(message);
        this.folderVersion = folderVersion;
        this.diff = diff;
    }

    /** From the draft's base to what the folder holds now. */
    public RuleSetDiff diff() {
        return diff;
    }

    /** The rule set version the folder holds now. */
    public String folderVersion() {
        return folderVersion;
    }
}
