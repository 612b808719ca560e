package dev.ormadvisor.engine;

import java.util.List;

/**
 * A check a freshly compiled rule base must pass before it goes into service, beyond compiling: for example,
 * that no consequence throws on the scenario facts. Returns the errors found; empty means it may serve.
 */
@FunctionalInterface
public interface RuleBaseCheck {

    RuleBaseCheck NONE = candidate -> List.of();

    List<RuleError> check(RuleBase candidate);
}
