package dev.ormadvisor.drafts;

/** The rules folder cannot be written (a ConfigMap mount, a read-only volume): publish through its source instead. */
public class ReadOnlyRulesFolderException extends RuntimeException {

    public ReadOnlyRulesFolderException(String message) {
        super(message);
    }
}
