package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.transparency.NoteSigner;
import dev.ormadvisor.transparency.Receipt;
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
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several service instances share one database and append at the same time, each to its own log. Each instance here
 * is the writer stack the service builds (see AuditConfiguration) without Spring: a connection pool of its own, its
 * own group-commit writer, its own log, and its own memory of the rule sets it has already snapshotted. Nothing is
 * shared between them but the database and the signing key, as between processes on different hosts.
 */
abstract class ManyLogsManyWritersContract {

    private static final int APPENDS_PER_INSTANCE = 300;
    /** Small batches make many transactions per instance, so that the instances' commits interleave. */
    private static final int MAX_BATCH = 8;
    /** Every instance serves all of them, so each one races the others to snapshot each version first. */
    private static final List<RuleSources> RULE_SETS = IntStream.rangeClosed(1, 3).mapToObj(version ->
            new RuleSources(Path.of("rules"), new TreeMap<>(Map.of("verdict.drl", "// rule set " + version)),
                    "rule-set-" + version)).toList();

    private final JsonMapper json = JsonMapper.builder().build();
    private final NoteSigner signer = NoteSigner.fromPkcs8Pem("test.example/audit", NoteSigner.generatePkcs8Pem());

    /** A new connection pool to the contract's database, as one more service instance would open. */
    abstract HikariDataSource newPool();

    @Test
    void twoInstancesAppendingAtOnceEachKeepAnIntactLogOfTheirOwnRecords() throws Exception {
        try (Instance first = new Instance(newPool(), "first"); Instance second = new Instance(newPool(), "second")) {
            JdbcTemplate jdbc = new JdbcTemplate(first.pool());
            long statementsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_statement", Long.class);

            List<List<Receipt>> submitted = appendAtOnce(List.of(first, second));

            StoredLogs logs = storedLogs(first).assertIntact();
            assertThat(logs.logIds()).contains("first", "second");
            assertThat(logs.size("first")).isEqualTo(APPENDS_PER_INSTANCE);
            assertThat(logs.size("second")).isEqualTo(APPENDS_PER_INSTANCE);
            for (int i = 0; i < 2; i++) {
                String log = i == 0 ? "first" : "second";
                assertThat(submitted.get(i)).extracting(Receipt::log).containsOnly(log);
                assertThat(submitted.get(i)).extracting(Receipt::index).containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, APPENDS_PER_INSTANCE).mapToObj(Long::valueOf).toList());
            }
            JdbcTemplate secondJdbc = new JdbcTemplate(second.pool());
            assertThat(new LogVerifier(secondJdbc, new TransparencyLogs(secondJdbc, signer.verifierKey().encoded()),
                    List.of(signer.verifierKey())).verify().ok()).isTrue();
            for (Instance instance : List.of(first, second)) {
                assertThat(instance.commits()).as("commits for %d records (group commit)",
                        APPENDS_PER_INSTANCE).isLessThan(APPENDS_PER_INSTANCE);
            }
            assertThat(jdbc.queryForList("SELECT version FROM rule_set_snapshot ORDER BY version", String.class))
                    .as("each rule set snapshotted exactly once")
                    .containsExactlyElementsOf(RULE_SETS.stream().map(RuleSources::version).toList());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_statement", Long.class))
                    .isEqualTo(statementsBefore + 2L * 2 * APPENDS_PER_INSTANCE);
        }
    }

    @Test
    void twoProcessesWritingUnderTheSameLogIdContinueOneLogInsteadOfForkingIt() throws Exception {
        try (Instance first = new Instance(newPool(), "shared"); Instance second = new Instance(newPool(), "shared")) {
            List<Receipt> firsts = first.appendAndAwaitCommits(3);
            // The second still believes the log empty: its conditional update fails, it reads the log as it now
            // stands and appends after the first's records.
            List<Receipt> seconds = second.appendAndAwaitCommits(2);
            List<Receipt> thirds = first.appendAndAwaitCommits(1);

            assertThat(firsts).extracting(Receipt::index).containsExactly(0L, 1L, 2L);
            assertThat(seconds).extracting(Receipt::index).containsExactly(3L, 4L);
            assertThat(thirds).extracting(Receipt::index).containsExactly(5L);
            StoredLogs logs = storedLogs(first).assertIntact();
            assertThat(logs.size("shared")).isEqualTo(6);
        }
    }

    /** Each instance gets its share submitted by a client thread of its own, both released at once. */
    private List<List<Receipt>> appendAtOnce(List<Instance> instances) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(instances.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Receipt>>> shares = new ArrayList<>();
            for (Instance instance : instances) {
                shares.add(clients.submit(() -> {
                    start.await();
                    return instance.appendAndAwaitCommits(APPENDS_PER_INSTANCE);
                }));
            }
            start.countDown();
            List<List<Receipt>> receipts = new ArrayList<>();
            for (Future<List<Receipt>> share : shares) {
                receipts.add(share.get(60, TimeUnit.SECONDS));
            }
            return receipts;
        } finally {
            clients.shutdownNow();
        }
    }

    private static StoredLogs storedLogs(Instance instance) throws Exception {
        try (Connection connection = instance.pool().getConnection()) {
            return StoredLogs.read(connection);
        }
    }

    private final class Instance implements AutoCloseable {

        private final HikariDataSource pool;
        private final CommitCounter commits = new CommitCounter();
        private final GroupCommitWriter writer;

        Instance(HikariDataSource pool, String logId) throws SQLException {
            // Connected before the race starts, so neither instance gets a head start while the other connects.
            pool.getConnection().close();
            AuditSchema.migrate(pool);
            this.pool = pool;
            this.writer = new GroupCommitWriter(new AuditStore(new JdbcTemplate(pool),
                    new TransactionTemplate(new JdbcTransactionManager(pool)), json, AuditDialect.of(pool),
                    LogIdentity.of(logId, "test.example/audit", signer)), APPENDS_PER_INSTANCE, MAX_BATCH,
                    commits.registry());
        }

        HikariDataSource pool() {
            return pool;
        }

        long commits() {
            return commits.commits();
        }

        /** Submits {@code count} evaluations without waiting in between, then waits until each is committed. */
        List<Receipt> appendAndAwaitCommits(int count) {
            List<CompletableFuture<Receipt>> commits = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                AuditEntry entry = new AuditEntry(0, id, EpochMicros.of(Instant.now()), "writer test " + i,
                        "DJANGO_ORM", "HIGH", RULE_SETS.get(i % RULE_SETS.size()).version(), 1000, "{}",
                        "{\"id\":\"" + id + "\"}");
                commits.add(writer.submit(new PendingAppend(entry, Set.of("DJ-1", "DJ-3"),
                        List.of("Building a Django app means Django ORM"), RULE_SETS.get(i % RULE_SETS.size()), null)));
            }
            return commits.stream().map(CompletableFuture::join).toList();
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
