package dev.ormadvisor.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code advisor.audit.*}: how many evaluations may wait for the writer, how many one transaction commits, and
 * how long a request waits for its commit before it is answered 503.
 */
@ConfigurationProperties("advisor.audit")
record AuditProperties(@DefaultValue("10000") int queueCapacity, @DefaultValue("256") int maxBatch,
        @DefaultValue("10s") Duration commitTimeout) {
}
