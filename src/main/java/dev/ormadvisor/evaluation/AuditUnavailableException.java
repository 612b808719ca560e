package dev.ormadvisor.evaluation;

/** The audit store could not commit an evaluation, so it must not be acknowledged. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
