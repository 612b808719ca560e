package dev.ormadvisor.engine;

import java.util.List;

/**
 * One rule as a reader sees it: its name as written in the DRL, the file it lives in (relative to the rules
 * folder), and the metadata that ties it to the article.
 */
public record RuleDefinition(String name, String file, RuleKind kind, List<String> statements, String explanation) {

    public RuleDefinition {
        statements = List.copyOf(statements);
    }
}
