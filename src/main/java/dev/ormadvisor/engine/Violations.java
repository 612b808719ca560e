package dev.ormadvisor.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What the safety check found in one file, each at its line: rules it refuses, and plain mistakes (a field name
 * that is not a field) which it also keeps from being compiled but which are typos, not attempts at more.
 */
final class Violations {

    private final String file;
    private final List<RuleError> refused = new ArrayList<>();
    private final List<RuleError> mistakes = new ArrayList<>();

    Violations(String file) {
        this.file = file;
    }

    void refuse(int line, String message) {
        refused.add(new RuleError(file, Math.max(line, 0), message));
    }

    void mistake(int line, String message) {
        mistakes.add(new RuleError(file, Math.max(line, 0), message));
    }

    List<RuleError> refused() {
        return List.copyOf(refused);
    }

    List<RuleError> mistakes() {
        return List.copyOf(mistakes);
    }

    boolean none() {
        return refused.isEmpty() && mistakes.isEmpty();
    }
}
