package dev.ormadvisor.cli;

/** The command line itself is wrong; the message says how, for a person who will retype it. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
