package dev.ormadvisor.engine;

import dev.ormadvisor.conclusions.Warning;

/** A warning together with the rule that raised it. */
public record RaisedWarning(Warning warning, RuleDefinition rule) {
}
