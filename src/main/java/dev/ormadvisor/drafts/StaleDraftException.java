package dev.ormadvisor.drafts;

/** The rules folder no longer holds the draft's base: someone else changed it meanwhile. */
public class StaleDraftException extends RuntimeException {

    private final String folderVersion;

    public StaleDraftException(String message, String folderVersion) {
        super(message);
        this.folderVersion = folderVersion;
    }

    /** The rule set version the folder holds now. */
    public String folderVersion() {
        return folderVersion;
    }
}
