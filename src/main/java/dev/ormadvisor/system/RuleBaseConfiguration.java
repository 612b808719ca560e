package dev.ormadvisor.system;

import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.engine.RulesFolderWatcher;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Loads the rules folder at start-up, alongside the rest of the start (a broken one stops it, see
 * RuleBaseFailureAnalyzer) and, unless {@code advisor.rules.watch=false}, reloads it whenever a file in it changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdvisorProperties.class)
class RuleBaseConfiguration {

    static final String FIRST_RULES_LOAD = "firstRulesLoadInProgress";

    /**
     * Starts the first load of the rules as soon as the context knows its bean definitions, before any bean is
     * created, unless the service's start began it earlier ({@link FirstRulesLoadAtStart}); the rule base in service
     * waits for it.
     */
    @Bean
    static BeanFactoryPostProcessor firstRulesLoad(Environment environment) {
        return beanFactory -> {
            if (!beanFactory.containsSingleton(FIRST_RULES_LOAD)) {
                beanFactory.registerSingleton(FIRST_RULES_LOAD, FirstRulesLoad.start(environment));
            }
        };
    }

    @Bean
    RuleBaseInService ruleBaseInService(FirstRulesLoad firstLoad) {
        return firstLoad.await();
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
