package dev.ormadvisor.system;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBaseInService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Loads by outcome (the one at start-up included), and the rule set version in service as an info gauge ({@code advisor_rules_info} = 1 with
 * the version as a tag), so a dashboard shows at once which replica serves which version.
 */
@Component
class RuleSetMetrics {

    private final MeterRegistry registry;
    private final MultiGauge versionInService;

    RuleSetMetrics(MeterRegistry registry, RuleBaseInService rules) {
        this.registry = registry;
        this.versionInService = MultiGauge.builder("advisor.rules.info")
                .description("The rule set version in service (value 1, version as a tag)").register(registry);
        rules.onReload(this::reloaded);
    }

    private void reloaded(ReloadOutcome outcome) {
        Counter.builder("advisor.rules.reloads").description("Rule set loads, the one at start-up included, by outcome")
                .tag("outcome", outcome.ok() ? "ok" : "rejected").register(registry).increment();
        if (outcome.ok()) {
            showVersion(outcome.version());
        }
    }

    private void showVersion(String version) {
        versionInService.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }
}
