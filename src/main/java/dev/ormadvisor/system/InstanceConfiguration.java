package dev.ormadvisor.system;

import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.instances.InstanceHeartbeat;
import dev.ormadvisor.instances.InstanceIdentity;
import dev.ormadvisor.instances.InstanceRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This process among the instances sharing the database: its identity, the registry they all read, and the
 * heartbeat that keeps its own row current. Closed after the web server has drained, so STOPPED is the last word.
 */
@Configuration(proxyBeanMethods = false)
class InstanceConfiguration {

    @Bean
    InstanceIdentity instanceIdentity(AdvisorProperties properties) {
        return InstanceIdentity.of(properties.instance().id());
    }

    @Bean
    InstanceRegistry instanceRegistry(JdbcTemplate jdbc, Clock clock) {
        return new InstanceRegistry(jdbc, clock);
    }

    @Bean(destroyMethod = "close")
    InstanceHeartbeat instanceHeartbeat(InstanceIdentity identity, InstanceRegistry registry,
            RuleBaseInService rules, AdvisorProperties properties, Clock clock) {
        AdvisorProperties.Instance instance = properties.instance();
        return InstanceHeartbeat.start(identity, registry, rules, instance.heartbeat(), instance.forgetAfter(),
                clock);
    }
}
