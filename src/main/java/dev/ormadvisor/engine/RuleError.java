package dev.ormadvisor.engine;

/** A problem in the rules folder, where a domain expert can find it: file relative to the folder, 1-based line. */
public record RuleError(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
