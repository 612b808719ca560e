package dev.ormadvisor.cli;

/** What a command's exit status tells a CI job. */
enum ExitCode {

    /** Everything asked for holds. */
    OK(0),
    /** The rules answered, but not well enough: a scenario failed, coverage is too low, a rule failed on the facts. */
    FAILED(1),
    /** Nothing could be judged: wrong usage, unreadable input, rules that do not compile. */
    UNUSABLE(2);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }
}
