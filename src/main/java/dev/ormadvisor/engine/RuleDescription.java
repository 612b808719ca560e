package dev.ormadvisor.engine;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One rule as its author wrote it, read from the parsed DRL (for a decision table, from the DRL Drools generates
 * from it): where it is ({@code line} is the 1-based line of its {@code rule} keyword, or a table's row), the
 * text of its conditions and of its consequence as written, its metadata tags ({@code statements},
 * {@code kind}, {@code explanation}, ...: name to the value as written, quotes included), its salience as written
 * ({@code null} when it has none) and any other attribute ({@code no-loop}, {@code agenda-group}, ...).
 */
public record RuleDescription(String name, String file, int line, String conditions, String consequence,
        SortedMap<String, String> metadata, String salience, SortedMap<String, String> attributes) {

    public RuleDescription {
        metadata = new TreeMap<>(metadata);
        attributes = new TreeMap<>(attributes);
    }

    /** The statement keys its {@code @statements} tag names, read as the rule base reads them. */
    public List<String> statements() {
        return RuleMetadata.statementsOf(metadata.get(RuleMetadata.STATEMENTS));
    }
}
