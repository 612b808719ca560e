package dev.ormadvisor.drafts;

import dev.ormadvisor.audit.AuditLog;
import dev.ormadvisor.audit.AuditReplay;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.scenarios.ScenarioFiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DraftsConfiguration {

    @Bean
    Drafts drafts(RuleBaseInService inService, AuditLog auditLog, AuditReplay replay) {
        return new Drafts(inService, auditLog, replay, new ScenarioFiles());
    }
}
