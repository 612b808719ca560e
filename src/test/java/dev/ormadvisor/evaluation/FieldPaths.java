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
        // Each name is read with the dot before it, so that an empty name ({@code "": 1}, path {@code a.}) is one.
        return step(root, path.isEmpty() || path.startsWith("[") ? path : "." + path);
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
                    return step(node.get(index), rest.substring(close + 1));
                }
            }
            return Optional.empty();
        }
        if (node.isObject() && rest.startsWith(".")) {
            String names = rest.substring(1);
            for (String name : node.propertyNames()) {
                if (names.startsWith(name) && endsAName(names, name.length())) {
                    Optional<JsonNode> found = step(node.get(name), names.substring(name.length()));
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
}
