package dev.ormadvisor.drafts;

/** The draft's base version is neither in service nor a version that ever answered an evaluation. */
public class UnknownBaseVersionException extends RuntimeException {

    public UnknownBaseVersionException(String version) {
        super("No rule set version '" + version + "' is in service or has answered an evaluation: start the draft"
                + " from the version in service (GET /api/v1/drafts/base).");
    }
}
