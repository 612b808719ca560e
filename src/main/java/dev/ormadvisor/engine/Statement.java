package dev.ormadvisor.engine;

/** One piece of advice from the article, under the key rules cite in {@code @statements}. */
public record Statement(String key, RuleKind kind, String section, String text) {
}
