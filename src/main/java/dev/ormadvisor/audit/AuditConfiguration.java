package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.engine.RuleBaseInService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

    @Bean(destroyMethod = "close")
    GroupCommitWriter auditWriter(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json,
            AuditProperties properties) {
        return new GroupCommitWriter(new AuditStore(jdbc, transactions, json), properties.queueCapacity(),
                properties.maxBatch());
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
    AuditChain auditChain(JdbcTemplate jdbc) {
        return new AuditChain(jdbc);
    }

    @Bean
    AuditReplay auditReplay(AuditLog log, RuleBaseInService rules, JsonMapper json, Clock clock) {
        return new AuditReplay(log, rules, json, clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('" + SQLITE_PREFIX + "')")
    SqliteStatistics sqliteStatistics(JdbcTemplate jdbc) {
        return new SqliteStatistics(jdbc).refreshHourly();
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
