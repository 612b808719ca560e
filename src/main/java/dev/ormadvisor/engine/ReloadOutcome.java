package dev.ormadvisor.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of one attempt to load the rules folder: when, whether it went into service, the version in
 * service afterwards, and every error that kept a failed attempt out.
 */
public record ReloadOutcome(Instant at, boolean ok, String version, List<RuleError> errors, Duration took) {

    public ReloadOutcome {
        errors = List.copyOf(errors);
    }
}
