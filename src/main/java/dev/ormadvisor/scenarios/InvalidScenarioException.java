package dev.ormadvisor.scenarios;

/** A scenario file that cannot be read; names the file so its author can fix it. */
public class InvalidScenarioException extends RuntimeException {

    public InvalidScenarioException(String file, String problem) {
        super("scenario " + file + " is invalid: " + problem);
    }
}
