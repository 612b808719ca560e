package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.PostgresDatabase;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.transparency.NoteSigner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a batch costs PostgreSQL whatever its size. Replicas commit small batches, so a cost paid once per batch is
 * paid for every few answers: planning the batch's statement again each time was most of it.
 */
class PostgresLogBatchWriterTests {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private static final RuleSources RULES = new RuleSources(Path.of("rules"),
            new TreeMap<>(Map.of("verdict.drl", "// rules")), "rule-set-1");

    @Test
    void batchesOfAnySizeShareOnePlanOnTheirConnectionInsteadOfBeingPlannedEachTime() throws Exception {
        try (HikariDataSource migration = POSTGRES.newPool()) {
            AuditSchema.migrate(migration);
        }
        try (HikariDataSource pool = POSTGRES.newPool()) {
            // One connection, so that the writer's prepared statement is the one the check below looks at.
            pool.setMaximumPoolSize(1);
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            AuditStore store = new AuditStore(jdbc, new TransactionTemplate(new JdbcTransactionManager(pool)),
                    JsonMapper.builder().build(), AuditDialect.of(pool), LogIdentity.of("planned", "test.example/audit",
                            NoteSigner.fromPkcs8Pem("test.example/audit", NoteSigner.generatePkcs8Pem())));

            for (int batch = 0; batch < 20; batch++) {
                store.append(IntStream.rangeClosed(0, batch % 4).mapToObj(i -> evaluation()).toList());
            }

            Map<String, Object> plans = jdbc.queryForMap("""
                    SELECT generic_plans, custom_plans FROM pg_prepared_statements
                    WHERE statement LIKE '%INSERT INTO audit_evaluation%'""");
            assertThat(((Number) plans.get("custom_plans")).longValue())
                    .as("batches planned for their own parameters (PostgreSQL tries five before it compares)")
                    .isLessThanOrEqualTo(5);
            assertThat(((Number) plans.get("generic_plans")).longValue()).as("batches run on the one shared plan")
                    .isGreaterThanOrEqualTo(10);
        }
    }

    private static PendingAppend evaluation() {
        String id = UUID.randomUUID().toString();
        AuditEntry entry = new AuditEntry(0, id, EpochMicros.of(Instant.now()), "planning test", "DJANGO_ORM", "HIGH",
                RULES.version(), 1000, "{}", "{\"id\":\"" + id + "\"}");
        return new PendingAppend(entry, Set.of("DJ-1", "DJ-3"), List.of("Building a Django app means Django ORM"),
                RULES, null);
    }
}
