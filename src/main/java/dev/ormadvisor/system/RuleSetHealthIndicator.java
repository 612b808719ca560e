package dev.ormadvisor.system;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Up while a rule set is in service. A rejected reload does not make the service unready: the last good rule
 * set keeps answering; the details say so, so an operator sees a replica stuck on an old version.
 */
@Component("rules")
class RuleSetHealthIndicator implements HealthIndicator {

    private final RuleBaseInService rules;

    RuleSetHealthIndicator(RuleBaseInService rules) {
        this.rules = rules;
    }

    @Override
    public Health health() {
        RuleBase current = rules.current();
        if (current == null) {
            return Health.down().withDetail("reason", "no rule set loaded").build();
        }
        ReloadOutcome last = rules.lastReload();
        return Health.up()
                .withDetail("version", current.version())
                .withDetail("rules", current.rules().size())
                .withDetail("lastReloadAt", last.at().toString())
                .withDetail("lastReloadOk", last.ok())
                .withDetail("lastReloadErrors", last.errors().size())
                .build();
    }
}
