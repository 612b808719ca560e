package dev.ormadvisor.engine;

/** What a rule does, from the statements catalog: add evidence, warn about the decision, or decide. */
public enum RuleKind {
    CHOOSE, MISTAKE, CAUTION, VERDICT
}
