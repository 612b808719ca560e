package dev.ormadvisor.system;

import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleBaseInService;
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
        log.info("Loading the rules from {}", rules.dir().toAbsolutePath().normalize());
        return new RuleBaseInService(rules.dir(), new RuleBaseCompiler(rules.maxFirings()),
                new ScenarioFactsCheck(new ScenarioFiles()), clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "advisor.rules.watch", havingValue = "true", matchIfMissing = true)
    RulesFolderWatcher rulesFolderWatcher(RuleBaseInService inService, AdvisorProperties properties) {
        return RulesFolderWatcher.start(inService.rulesDir(), properties.rules().quietPeriod(),
                inService::reload);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
