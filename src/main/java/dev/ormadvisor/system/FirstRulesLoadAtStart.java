package dev.ormadvisor.system;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * The service's start (its main method) begins the first load of the rules as soon as its settings are known: before
 * Spring reads the configuration classes, about a second before {@link RuleBaseConfiguration}'s bean factory post
 * processor would, which is how contexts started otherwise (the tests') still load them. The load is handed to the
 * context as the bean the rule base in service waits for (README, Performance, "Start-up").
 */
public final class FirstRulesLoadAtStart implements ApplicationListener<SpringApplicationEvent> {

    private FirstRulesLoad started;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            started = FirstRulesLoad.start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent contextPrepared && started != null) {
            contextPrepared.getApplicationContext().getBeanFactory()
                    .registerSingleton(RuleBaseConfiguration.FIRST_RULES_LOAD, started);
        }
    }
}
