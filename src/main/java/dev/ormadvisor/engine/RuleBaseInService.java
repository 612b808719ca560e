package dev.ormadvisor.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set version that answers evaluations. Callers take {@link #current()} once per evaluation, so each
 * evaluation runs against exactly one version even when another is swapped in meanwhile.
 */
public final class RuleBaseInService {

    private final AtomicReference<RuleBase> current;

    public RuleBaseInService(RuleBase initial) {
        this.current = new AtomicReference<>(initial);
    }

    public RuleBase current() {
        return current.get();
    }
}
