package dev.ormadvisor.engine;

import java.util.List;

/**
 * One rule as a reader sees it: its name as written in the DRL, where it is (file relative to the rules folder,
 * 1-based line of its {@code rule} keyword), and the metadata that ties it to the article.
 */
public record RuleDefinition(String name, String file, int line, RuleKind kind, List<String> statements,
        String explanation) {

    public RuleDefinition {
        statements = List.copyOf(statements);
    }
}
