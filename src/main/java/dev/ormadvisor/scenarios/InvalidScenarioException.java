package dev.ormadvisor.scenarios;

/** A scenario file that cannot be read; names the file (and the line, when known) so its author can fix it. */
public class InvalidScenarioException extends RuntimeException {

    private final String file;
    private final int line;

    public InvalidScenarioException(String file, String problem) {
        this(file, 0, problem);
    }

    public InvalidScenarioException(String file, int line, String problem) {
        super("scenario " + file + " is invalid: " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file's path relative to the scenarios folder. */
    public String file() {
        return file;
    }

    /** 1-based, or 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }
}
