package dev.ormadvisor.drafts;

/** A draft that cannot be a rules folder: {@code field} names the offending part of the body, e.g. {@code files[2].path}. */
public class InvalidDraftException extends RuntimeException {

    private final String field;

    public InvalidDraftException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
