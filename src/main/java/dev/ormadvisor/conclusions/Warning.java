package dev.ormadvisor.conclusions;

/** Advice about how the team is deciding, tied to one MISTAKE or CAUTION statement key. */
public record Warning(String statement, String message) {

    public Warning {
        if (statement == null || statement.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a warning needs a statement key and a message");
        }
    }
}
