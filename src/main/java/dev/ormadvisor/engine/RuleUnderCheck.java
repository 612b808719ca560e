package dev.ormadvisor.engine;

/**
 * One rule as the safety check walks it: its name for the messages, what it binds, where refusals go, and the
 * check's Java parser.
 */
record RuleUnderCheck(String name, RuleScope scope, Violations violations, JavaSyntax syntax) {

    void refuse(int line, String message) {
        violations.refuse(line, "rule \"" + name + "\": " + message);
    }

    void mistake(int line, String message) {
        violations.mistake(line, "rule \"" + name + "\": " + message);
    }
}
