package dev.ormadvisor.audit;

/**
 * What the database holds of a log contradicts itself (a record beyond the signed size, a subtree missing): it was
 * changed outside the service. The question asked cannot be answered honestly; {@code GET /api/v1/audit/verify}
 * says where the log breaks.
 */
public class InconsistentLogException extends IllegalStateException {

    public InconsistentLogException(String message) {
        super(message);
    }
}
