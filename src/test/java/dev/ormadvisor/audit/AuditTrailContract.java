package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ormadvisor.ShippedRules;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.evaluation.AuditTrail;
import dev.ormadvisor.evaluation.AuditUnavailableException;
import dev.ormadvisor.evaluation.Evaluation;
import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.EvaluationService;
import dev.ormadvisor.evaluation.EvaluationService.RecordedAnswer;
import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.MerkleProofs;
import dev.ormadvisor.transparency.NoteSigner;
import dev.ormadvisor.transparency.Receipt;
import dev.ormadvisor.transparency.SignedNote;
import dev.ormadvisor.transparency.VerifierKey;
import io.micrometer.observation.ObservationRegistry;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the audit trail promises, whatever database holds it: each subclass points the whole application at one
 * store (SQLite, PostgreSQL) and runs this same contract. Tests share the class's database, so each one reasons
 * about what it added rather than assuming an empty trail.
 */
@SpringBootTest(properties = "advisor.rules.watch=false")
// The database belongs to this class alone, so its context is never reused: close it (and its pool) at the end.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AuditTrailContract {

    private static final String TEAM_B = """
            {"label":"logistics","project":{"framework":"FASTAPI","type":"BACKEND_PLATFORM","asyncHeavy":true,
             "queryComplexity":"HIGH"},"team":{"knowsSqlWell":true}}""";

    @Autowired
    EvaluationService evaluations;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    RuleBaseInService rules;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    GroupCommitWriter auditWriter;
    @Autowired
    JsonMapper json;
    @Autowired
    Flyway flyway;
    @Autowired
    NoteSigner signer;
    @Autowired
    TransparencyLogs logs;
    @Autowired
    LogVerifier verifier;

    @Test
    void flywayHasAppliedEveryMigration() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).isNotEmpty().allSatisfy(migration ->
                assertThat(migration.getState().isFailed()).as(migration.getScript()).isFalse());
    }

    @Test
    void concurrentEvaluationsAreAllStoredInTheLogWithoutGapsEachWithAReceiptThatVerifies() throws Exception {
        int before = storedLogs().length();

        List<RecordedAnswer> answers = concurrently(100, 16, i -> () -> evaluations.evaluate("concurrent " + i,
                request(TEAM_B).facts(), TEAM_B));
        List<String> ids = answers.stream().map(answer -> answer.evaluation().id()).toList();

        StoredLogs stored = storedLogs().assertIntact();
        assertThat(stored.length()).isEqualTo(before + ids.size());
        assertThat(stored.ids().subList(before, stored.length())).containsExactlyInAnyOrderElementsOf(ids);
        VerifierKey key = signer.verifierKey();
        for (RecordedAnswer answer : answers) {
            Receipt receipt = answer.receipt();
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(receipt.checkpoint()).body());
            assertThat(SignedNote.parse(receipt.checkpoint()).signedBy(key)).isTrue();
            assertThat(receipt.leafHash()).isEqualTo(Base64.getEncoder().encodeToString(
                    MerkleHash.leaf(logs.leaf(answer.evaluation().id()).orElseThrow())));
            assertThat(MerkleProofs.verifyInclusion(receipt.index(), checkpoint.size(),
                    Base64.getDecoder().decode(receipt.leafHash()),
                    receipt.inclusionProof().stream().map(Base64.getDecoder()::decode).toList(),
                    checkpoint.rootHash())).as("receipt of %s", answer.evaluation().id()).isTrue();
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void aRuleSetVersionIsSnapshottedOnceWithItsExactFileTextsEvenBySeveralServiceInstances() throws Exception {
        RuleBase ruleBase = rules.current();
        // A second instance on the same database: its own writer, and no memory of what was already snapshotted.
        AuditStore otherStore = new AuditStore(jdbc, transactions, json, AuditDialect.of(dataSource),
                LogIdentity.of("other-instance", "test.example/audit", signer));
        try (GroupCommitWriter otherWriter = new GroupCommitWriter(otherStore, 100, 10, ObservationRegistry.NOOP)) {
            AuditTrail otherInstance = new JdbcAuditTrail(otherWriter, Duration.ofSeconds(10));

            concurrently(40, 8, i -> () -> {
                AuditTrail instance = i % 2 == 0 ? auditTrail : otherInstance;
                record(instance, Evaluation.of(ruleBase, "instance " + i % 2, request(TEAM_B).facts(),
                        Clock.systemUTC()));
                return i;
            });
        }

        List<String> snapshots = jdbc.queryForList("SELECT files FROM rule_set_snapshot WHERE version = ?",
                String.class, ruleBase.version());
        assertThat(snapshots).hasSize(1);
        assertThat(json.readValue(snapshots.get(0), new TypeReference<Map<String, String>>() { }))
                .isEqualTo(RuleSources.read(ShippedRules.DIR).files());
        storedLogs().assertIntact();
    }

    @Test
    void aWriteThatFailsIsAnsweredAuditUnavailableAndLeavesNothingHalfWritten() throws Exception {
        evaluate("before the failure");
        StoredLogs before = storedLogs().assertIntact();
        Integer statementsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_statement", Integer.class);

        // The evaluation row is inserted before the fired rules: losing their table fails the batch mid-way.
        jdbc.execute("ALTER TABLE audit_fired_rule RENAME TO audit_fired_rule_away");
        try {
            assertThatThrownBy(() -> evaluate("half-written?")).isInstanceOf(AuditUnavailableException.class);
        } finally {
            jdbc.execute("ALTER TABLE audit_fired_rule_away RENAME TO audit_fired_rule");
        }

        StoredLogs after = storedLogs().assertIntact();
        assertThat(after.ids()).isEqualTo(before.ids());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_statement", Integer.class))
                .isEqualTo(statementsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation WHERE label = 'half-written?'",
                Integer.class)).isZero();

        String next = evaluate("after the failure").id();
        assertThat(storedLogs().assertIntact().ids()).hasSize(before.length() + 1).endsWith(next);
    }

    @Test
    void recordsSubmittedWhileACommitIsUnderWayAreCommittedTogetherAfterIt() throws Exception {
        RuleSources rules = this.rules.current().sources();
        List<CompletableFuture<Receipt>> committed = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // A write of the log's row in an open transaction holds the writer's next commit back (a row lock on
            // PostgreSQL, the database's write lock on SQLite), as a slow commit holds back the records behind it.
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("UPDATE audit_log SET tree_size = tree_size");
            committed.add(auditWriter.submit(pending("held back", rules)));
            await(() -> auditWriter.waiting() == 0);
            for (int i = 0; i < 199; i++) {
                committed.add(auditWriter.submit(pending("behind it " + i, rules)));
            }
            assertThat(auditWriter.waiting()).isEqualTo(199);
            holder.rollback();
        }

        // A batch's receipts all carry the checkpoint signed at its commit.
        List<String> checkpoints = committed.stream().map(CompletableFuture::join).map(Receipt::checkpoint).toList();
        assertThat(checkpoints.subList(1, checkpoints.size())).as("one commit for all the records behind it")
                .containsOnly(checkpoints.get(1));
        assertThat(checkpoints.get(0)).as("the held-back commit").isNotEqualTo(checkpoints.get(1));
        storedLogs().assertIntact();
    }

    private Evaluation evaluate(String label) {
        return evaluations.evaluate(label, request(TEAM_B).facts(), TEAM_B).evaluation();
    }

    /** Straight to the audit trail, answered the way the service answers, with the rule set that decided. */
    private void record(AuditTrail trail, Evaluation evaluation) {
        trail.record(evaluation, TEAM_B, json.writeValueAsString(EvaluationReport.of(evaluation)),
                rules.current().sources(), null);
    }

    private static PendingAppend pending(String label, RuleSources rules) {
        String id = UUID.randomUUID().toString();
        AuditEntry entry = new AuditEntry(0, id, EpochMicros.of(Instant.now()), label, "DJANGO_ORM", "HIGH",
                rules.version(), 1000, "{}", "{\"id\":\"" + id + "\"}");
        return new PendingAppend(entry, Set.of("DJ-1"), List.of("Building a Django app means Django ORM"), rules,
                null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private EvaluationRequest request(String body) {
        return json.readValue(body, EvaluationRequest.class);
    }

    private StoredLogs storedLogs() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return StoredLogs.read(connection);
        }
    }

    /** Runs {@code count} tasks on {@code threads} threads, all released at once, and returns their results. */
    private static <T> List<T> concurrently(int count, int threads, IntFunction<Callable<T>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Released once every thread is waiting: a thread still starting would join the race late.
            CountDownLatch ready = new CountDownLatch(Math.min(count, threads));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return work.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
