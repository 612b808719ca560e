package dev.ormadvisor.system;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.instances.InstanceIdentity;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Up while a rule set is in service. A rejected reload does not make the service unready: the last good rule
 * set keeps answering; the details say so, and name the instance, so an operator sees which replica is stuck on
 * an old version.
 */
@Component("rules")
class RuleSetHealthIndicator implements HealthIndicator {

    private final RuleBaseInService rules;
    private final InstanceIdentity instance;

    RuleSetHealthIndicator(RuleBaseInService rules, InstanceIdentity instance) {
        this.rules = rules;
        this.instance = instance;
    }

    @Override
    public Health health() {
        RuleBase current = rules.current();
        if (current == null) {
            return Health.down().withDetail("instance", instance.id()).withDetail("reason", "no rule set loaded")
                    .build();
        }
        ReloadOutcome last = rules.lastReload();
        return Health.up()
                .withDetail("instance", instance.id())
                .withDetail("version", current.version())
                .withDetail("rules", current.rules().size())
                .withDetail("lastReloadAt", last.at().toString())
                .withDetail("lastReloadOk", last.ok())
                .withDetail("lastReloadErrors", last.errors().size())
                .build();
    }
}
