package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.instances.InstanceIdentity;
import dev.ormadvisor.transparency.NoteSigner;
import dev.ormadvisor.transparency.VerifierKey;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    @Bean
    NoteSigner auditCheckpointSigner(AuditProperties properties) {
        return SigningKeys.signer(properties.effectiveKeyName(), properties.signingKey(),
                properties.generatedSigningKey());
    }

    /** This instance's log: {@code advisor.audit.log-id}, else its instance id, so a restart continues it. */
    @Bean
    LogIdentity auditLogIdentity(AuditProperties properties, InstanceIdentity instance, NoteSigner signer) {
        String id = properties.logId() == null || properties.logId().isBlank()
                ? LogIdentity.fromInstanceId(instance.id()) : properties.logId().strip();
        if (id.equals(LogIdentity.SEALED_CHAIN)) {
            throw new IllegalArgumentException("advisor.audit.log-id " + id + " names the sealed log of the first"
                    + " release's records: choose another");
        }
        return LogIdentity.of(id, properties.origin(), signer);
    }

    @Bean(destroyMethod = "close")
    GroupCommitWriter auditWriter(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json,
            AuditProperties properties, LogIdentity identity, DataSource dataSource, ObservationRegistry observations) {
        new LegacyChainSeal(jdbc, transactions)
                .sealWith(LogIdentity.of(LogIdentity.SEALED_CHAIN, properties.origin(), identity.signer()));
        AuditStore store = new AuditStore(jdbc, transactions, json, AuditDialect.of(dataSource), identity);
        return new GroupCommitWriter(store, properties.queueCapacity(), properties.maxBatch(), observations);
    }

    /** Replaces Spring Boot's {@code db} check with one that answers in time during an outage. */
    @Bean(destroyMethod = "close")
    AuditDatabaseHealthIndicator dbHealthIndicator(DataSource dataSource, AuditProperties properties) {
        return new AuditDatabaseHealthIndicator(dataSource, properties.healthTimeout());
    }

    @Bean
    AuditWriterHealthIndicator auditWriterHealthIndicator(GroupCommitWriter writer) {
        return new AuditWriterHealthIndicator(writer);
    }

    @Bean
    JdbcAuditTrail auditTrail(GroupCommitWriter writer, AuditProperties properties) {
        return new JdbcAuditTrail(writer, properties.commitTimeout());
    }

    @Bean
    AuditLog auditLog(JdbcTemplate jdbc, JsonMapper json) {
        return new AuditLog(jdbc, json);
    }

    @Bean
    TransparencyLogs transparencyLogs(JdbcTemplate jdbc, NoteSigner signer) {
        return new TransparencyLogs(jdbc, signer.verifierKey().encoded());
    }

    /** Its own key, and the keys of the other instances' logs that the operator vouches for. */
    @Bean
    LogVerifier logVerifier(JdbcTemplate jdbc, TransparencyLogs logs, NoteSigner signer,
            AuditProperties properties) {
        List<VerifierKey> trusted = new ArrayList<>(List.of(signer.verifierKey()));
        properties.trustedKeys().stream().map(VerifierKey::parse).forEach(trusted::add);
        return new LogVerifier(jdbc, logs, trusted);
    }

    @Bean
    AuditReplay auditReplay(AuditLog log, RuleBaseInService rules, JsonMapper json, Clock clock) {
        return new AuditReplay(log, rules, json, clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('" + SQLITE_PREFIX + "')")
    SqliteStatistics sqliteStatistics(JdbcTemplate jdbc, AuditProperties properties) {
        return new SqliteStatistics(jdbc, properties.sqliteStatisticsRows())
                .start(properties.sqliteStatisticsInterval());
    }

    /** SQLite creates the database file but not its folder: make {@code ./data/} before the first connection. */
    @Bean
    static BeanPostProcessor sqliteDataFolder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                        && dataSource.getJdbcUrl().startsWith(SQLITE_PREFIX)) {
                    createFolderOf(dataSource.getJdbcUrl().substring(SQLITE_PREFIX.length()));
                }
                return bean;
            }
        };
    }

    private static void createFolderOf(String sqliteLocation) {
        String file = sqliteLocation.split("\\?", 2)[0];
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit database folder " + parent, e);
        }
    }
}
