package dev.ormadvisor.system;

import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleBaseInService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Compiles the rules folder at start-up; a broken rule base stops the start (see RuleBaseFailureAnalyzer). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdvisorProperties.class)
class RuleBaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RuleBaseConfiguration.class);

    @Bean
    RuleBaseCompiler ruleBaseCompiler(AdvisorProperties properties) {
        return new RuleBaseCompiler(properties.rules().maxFirings());
    }

    @Bean
    RuleBaseInService ruleBaseInService(RuleBaseCompiler compiler, AdvisorProperties properties) {
        var ruleBase = compiler.compile(properties.rules().dir());
        log.info("Rule set {} in service: {} rules from {}", ruleBase.version(), ruleBase.rules().size(),
                properties.rules().dir().toAbsolutePath().normalize());
        return new RuleBaseInService(ruleBase);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
