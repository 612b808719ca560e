package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.audit.AuditTrailContract.CountingTransactionManager;
import dev.ormadvisor.engine.RuleSources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several service instances share one database and append to its one chain at the same time. Each instance here is
 * the writer stack the service builds (see AuditConfiguration) without Spring: a connection pool of its own, its own
 * group-commit writer, and its own memory of the rule sets it has already snapshotted. Nothing is shared between
 * them but the database, as between processes on different hosts.
 */
abstract class OneChainManyWritersContract {

    private static final int APPENDS_PER_INSTANCE = 300;
    /** Small batches make many transactions per instance, so that the instances' commits have to interleave. */
    private static final int MAX_BATCH = 8;
    /** Every instance serves all of them, so each one races the others to snapshot each version first. */
    private static final List<RuleSources> RULE_SETS = IntStream.rangeClosed(1, 3).mapToObj(version ->
            new RuleSources(Path.of("rules"), new TreeMap<>(Map.of("verdict.drl", "// rule set " + version)),
                    "rule-set-" + version)).toList();

    private final JsonMapper json = JsonMapper.builder().build();

    /** A new connection pool to the contract's database, as one more service instance would open. */
    abstract HikariDataSource newPool();

    /**
     * How often, at least, the chain passes from one instance's records to the other's: how fairly the database
     * hands the chain head's lock to writers waiting for it.
     */
    abstract int fewestTurnsBetweenInstances();

    @Test
    void twoInstancesAppendingAtOnceBuildOneChainWithoutForkOrGapHoldingEveryRecord() throws Exception {
        try (Instance first = new Instance(newPool()); Instance second = new Instance(newPool())) {
            Flyway.configure().dataSource(first.pool()).load().migrate();

            List<List<String>> submitted = appendAtOnce(List.of(first, second));

            StoredChain chain = storedChain(first).assertIntact();
            List<String> everyId = submitted.stream().flatMap(List::stream).toList();
            assertThat(chain.ids()).containsExactlyInAnyOrderElementsOf(everyId);
            assertThat(new AuditChain(new JdbcTemplate(second.pool())).verify())
                    .isEqualTo(new ChainVerification(true, everyId.size(), null));
            assertThat(turnsBetweenInstances(chain.ids(), Set.copyOf(submitted.get(0))))
                    .as("times the chain passes from one instance's records to the other's")
                    .isGreaterThanOrEqualTo(fewestTurnsBetweenInstances());
            for (Instance instance : List.of(first, second)) {
                assertThat(instance.transactions().commits()).as("transactions for %d records (group commit)",
                        APPENDS_PER_INSTANCE).isLessThan(APPENDS_PER_INSTANCE);
            }
            JdbcTemplate jdbc = new JdbcTemplate(first.pool());
            assertThat(jdbc.queryForList("SELECT version FROM rule_set_snapshot ORDER BY version", String.class))
                    .as("each rule set snapshotted exactly once")
                    .containsExactlyElementsOf(RULE_SETS.stream().map(RuleSources::version).toList());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_statement", Long.class))
                    .isEqualTo(2L * everyId.size());
        }
    }

    /** Each instance gets its share submitted by a client thread of its own, both released at once. */
    private List<List<String>> appendAtOnce(List<Instance> instances) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(instances.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> shares = new ArrayList<>();
            for (Instance instance : instances) {
                shares.add(clients.submit(() -> {
                    start.await();
                    return instance.appendAndAwaitCommits(APPENDS_PER_INSTANCE);
                }));
            }
            start.countDown();
            List<List<String>> ids = new ArrayList<>();
            for (Future<List<String>> share : shares) {
                ids.add(share.get(60, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    private static int turnsBetweenInstances(List<String> chainIds, Set<String> firstInstancesIds) {
        int turns = 0;
        for (int index = 1; index < chainIds.size(); index++) {
            if (firstInstancesIds.contains(chainIds.get(index)) != firstInstancesIds.contains(chainIds.get(index - 1))) {
                turns++;
            }
        }
        return turns;
    }

    private static StoredChain storedChain(Instance instance) throws Exception {
        try (Connection connection = instance.pool().getConnection()) {
            return StoredChain.read(connection);
        }
    }

    private final class Instance implements AutoCloseable {

        private final HikariDataSource pool;
        private final CountingTransactionManager transactions;
        private final GroupCommitWriter writer;

        Instance(HikariDataSource pool) throws SQLException {
            // Connected before the race starts, so neither instance gets a head start while the other connects.
            pool.getConnection().close();
            this.pool = pool;
            this.transactions = new CountingTransactionManager(pool);
            this.writer = new GroupCommitWriter(new AuditStore(new JdbcTemplate(pool),
                    new TransactionTemplate(transactions), json), APPENDS_PER_INSTANCE, MAX_BATCH);
        }

        HikariDataSource pool() {
            return pool;
        }

        CountingTransactionManager transactions() {
            return transactions;
        }

        /** Submits {@code count} evaluations without waiting in between, then waits until each is committed. */
        List<String> appendAndAwaitCommits(int count) {
            List<String> ids = new ArrayList<>();
            List<CompletableFuture<Void>> commits = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                AuditEntry entry = new AuditEntry(0, id, EpochMicros.of(Instant.now()), "writer test " + i,
                        "DJANGO_ORM", "HIGH", RULE_SETS.get(i % RULE_SETS.size()).version(), 1000, "{}",
                        "{\"id\":\"" + id + "\"}");
                ids.add(id);
                commits.add(writer.submit(new PendingAppend(entry, Set.of("DJ-1", "DJ-3"),
                        List.of("Building a Django app means Django ORM"), RULE_SETS.get(i % RULE_SETS.size()))));
            }
            CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).join();
            return ids;
        }

        @Override
        public void close() throws InterruptedException {
            try {
                writer.close();
            } finally {
                pool.close();
            }
        }
    }
}
