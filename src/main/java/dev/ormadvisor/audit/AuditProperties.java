package dev.ormadvisor.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code advisor.audit.*}: how many evaluations may wait for the writer, how many one transaction commits, how long
 * a request waits for its commit before it is answered 503; and who the log is: its id (by default the instance
 * id), its origin prefix, the key that signs its checkpoints, and the other keys whose logs this instance verifies.
 *
 * @param signingKey a PKCS#8 PEM file with the Ed25519 private key; unset, {@code generatedSigningKey} is used, and
 *     made once when it does not exist
 * @param keyName the signed-note key name; unset, the origin prefix
 * @param healthTimeout how long the {@code db} health check waits for the database before it reads DOWN
 * @param sqliteStatisticsInterval how often the embedded store's query-planner statistics are refreshed, after the
 *     first refresh a minute after start-up (SQLite only)
 * @param sqliteStatisticsRows beyond how many rows a table's statistics are kept as they are rather than refreshed
 *     (SQLite only: analyzing an index holds the write lock in proportion to its size)
 */
@ConfigurationProperties("advisor.audit")
record AuditProperties(@DefaultValue("10000") int queueCapacity, @DefaultValue("256") int maxBatch,
        @DefaultValue("10s") Duration commitTimeout, String logId, @DefaultValue("orm-advisor/audit") String origin,
        Path signingKey, @DefaultValue("./data/audit-signing-key.pem") Path generatedSigningKey, String keyName,
        @DefaultValue List<String> trustedKeys, @DefaultValue("1s") Duration healthTimeout,
        @DefaultValue("1h") Duration sqliteStatisticsInterval, @DefaultValue("1000000") long sqliteStatisticsRows) {

    String effectiveKeyName() {
        return keyName == null || keyName.isBlank() ? origin : keyName;
    }
}
