package dev.ormadvisor.rulesets;

import dev.ormadvisor.audit.AuditLog;
import dev.ormadvisor.engine.RuleBaseInService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RuleSetsConfiguration {

    @Bean
    RuleSetVersions ruleSetVersions(RuleBaseInService inService, AuditLog auditLog) {
        return new RuleSetVersions(inService, auditLog);
    }
}
