package dev.ormadvisor.scenarios;

import dev.ormadvisor.facts.Facts;

/** One example from a scenario file: facts a team might post, and what the rules must answer. */
public record Scenario(String name, String file, Facts facts, Expectation expect) {
}
