package dev.ormadvisor.engine;

import java.util.ArrayList;
import java.util.List;

/** What the safety check found in one file, each at its line. */
final class Violations {

    private final String file;
    private final List<RuleError> found = new ArrayList<>();

    Violations(String file) {
        this.file = file;
    }

    void add(int line, String message) {
        found.add(new RuleError(file, Math.max(line, 0), message));
    }

    List<RuleError> found() {
        return List.copyOf(found);
    }
}
