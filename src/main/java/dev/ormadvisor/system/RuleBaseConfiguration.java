package dev.ormadvisor.system;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.engine.RuleError;
import dev.ormadvisor.engine.RulesFolderWatcher;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the rules folder at start-up (a broken one stops the start, see RuleBaseFailureAnalyzer) and, unless
 * {@code advisor.rules.watch=false}, reloads it whenever a file in it changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdvisorProperties.class)
class RuleBaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RuleBaseConfiguration.class);

    @Bean
    RuleBaseInService ruleBaseInService(AdvisorProperties properties, Clock clock) {
        AdvisorProperties.Rules rules = properties.rules();
        RuleBaseInService inService = new RuleBaseInService(rules.dir(), new RuleBaseCompiler(rules.maxFirings()),
                new ScenarioFactsCheck(new ScenarioFiles()), clock);
        log.info("Rule set {} in service: {} rules from {}", inService.current().version(),
                inService.current().rules().size(), rules.dir().toAbsolutePath().normalize());
        return inService;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "advisor.rules.watch", havingValue = "true", matchIfMissing = true)
    RulesFolderWatcher rulesFolderWatcher(RuleBaseInService inService, AdvisorProperties properties) {
        return RulesFolderWatcher.start(inService.rulesDir(), properties.rules().quietPeriod(),
                () -> logOutcome(inService.reload()));
    }

    static void logOutcome(ReloadOutcome outcome) {
        if (outcome.ok()) {
            log.info("Rules reloaded: version {} in service ({} ms)", outcome.version(), outcome.took().toMillis());
        } else {
            log.warn("Rules reload rejected, version {} stays in service. Errors:\n{}", outcome.version(),
                    String.join("\n", outcome.errors().stream().map(RuleError::toString).map(e -> "  " + e)
                            .toList()));
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
