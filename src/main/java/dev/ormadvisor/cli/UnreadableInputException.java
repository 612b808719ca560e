package dev.ormadvisor.cli;

/**
 * What an audit command was given, or fetched, cannot be read: a missing or malformed file, an unreachable server,
 * an answer that is not the expected JSON. Nothing can be judged, so the command exits 2; the message says what
 * and where.
 */
class UnreadableInputException extends RuntimeException {

    UnreadableInputException(String message) {
        super(message);
    }
}
