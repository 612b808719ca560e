package dev.ormadvisor.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code $variables} one rule binds in its conditions, as the safety check meets them: a consequence or a
 * later constraint may use only these, and only a sum may be turned into an {@code int}.
 */
final class RuleScope {

    private final Map<String, Optional<Class<?>>> types = new HashMap<>();
    private final Set<String> sums = new HashSet<>();

    void bind(String variable, Optional<Class<?>> type) {
        types.put(variable, type);
    }

    void bindSum(String variable) {
        types.put(variable, Optional.empty());
        sums.add(variable);
    }

    boolean isBound(String variable) {
        return types.containsKey(variable);
    }

    boolean isSum(String variable) {
        return sums.contains(variable);
    }

    /** The fact type a variable is bound to, when it is bound to a fact of the fact or conclusion packages. */
    Optional<Class<?>> factType(String variable) {
        return types.getOrDefault(variable, Optional.empty());
    }
}
