package dev.ormadvisor.evaluation;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds the node a problem's field path ({@code leaning.reasons[1]}) names in a JSON tree. Property names may
 * themselves hold dots or brackets (an unknown field {@code "a.b"}), so every property that fits is tried.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static Optional<JsonNode> resolve(JsonNode root, String path) {
        return path.isEmpty() ? Optional.of(root) : step(root, path);
    }

    private static Optional<JsonNode> step(JsonNode node, String rest) {
        if (rest.isEmpty()) {
            return Optional.of(node);
        }
        if (node.isArray() && rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close > 1 && rest.substring(1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(rest.substring(1, close));
                if (index < node.size()) {
                    return step(node.get(index), afterDot(rest.substring(close + 1)));
                }
            }
            return Optional.empty();
        }
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                if (rest.startsWith(name) && endsAName(rest, name.length())) {
                    Optional<JsonNode> found = step(node.get(name), afterDot(rest.substring(name.length())));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean endsAName(String path, int end) {
        return end == path.length() || path.charAt(end) == '.' || path.charAt(end) == '[';
    }

    private static String afterDot(String rest) {
        return rest.startsWith(".") ? rest.substring(1) : rest;
    }
}
