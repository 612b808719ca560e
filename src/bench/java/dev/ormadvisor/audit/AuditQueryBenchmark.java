package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;
import dev.ormadvisor.PostgresDatabase;
import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.transparency.NoteSigner;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a fresh audit store (SQLite, and PostgreSQL when reachable) with N realistic evaluations, appended to one
 * log through AuditStore in big batches on the migrated schema (see {@link BulkAppender}), then times the list
 * queries the read API issues: each filter alone and combined, {@code ORDER BY seq DESC LIMIT 20} and the
 * {@code COUNT(*)} total. Run: {@code bench/audit-queries.sh [RECORDS] [RUNS]}.
 */
public final class AuditQueryBenchmark {

    private static final String[] STATEMENTS = {"DJ-1", "DJ-2", "DJ-3", "DJ-4", "DJ-5", "DJ-6", "DJ-BEST-1",
            "DJ-BEST-2", "DJ-BEST-3", "DJ-BEST-4", "DJ-BEST-5", "SA-1", "SA-2", "SA-3", "SA-4", "SA-5", "SA-6",
            "SA-BEST-1", "SA-BEST-2", "SA-BEST-3", "SA-BEST-4", "SA-BEST-5", "FACTOR-ADMIN", "FACTOR-ASYNC",
            "FACTOR-LEARNING", "FACTOR-LIFETIME-SHORT", "FACTOR-LIFETIME-LONG", "FACTOR-TUNING", "FACTOR-SPEED",
            "FACTOR-ITERATION", "FACTOR-DB-CENTRAL", "THUMB-FRAMEWORK", "THUMB-DATA", "MISTAKE-1", "MISTAKE-2",
            "MISTAKE-3", "MISTAKE-4", "MISTAKE-5", "CAUTION-1", "CAUTION-2", "CAUTION-3", "CAUTION-4"};
    private static final String[] CHOICES = {"DJANGO_ORM", "SQLALCHEMY", "NO_CLEAR_WINNER"};
    private static final String[] CONFIDENCES = {"LOW", "MEDIUM", "HIGH"};
    private static final int VERSIONS = 30;
    private static final int LABELS = 5_000;
    private static final int BATCH = 5_000;

    private final int records;
    private final int runs;
    private final long startMicros;
    private final long spanMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(365)));
    private final String[] versions = new String[VERSIONS];
    private final Map<String, RuleSources> ruleSets = new HashMap<>();
    /** A filler of realistic size for the stored answer (the real one quotes every fired rule's explanation). */
    private final String answerFiller;

    private AuditQueryBenchmark(int records, int runs) {
        this.records = records;
        this.runs = runs;
        this.startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) - spanMicros;
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < VERSIONS; i++) {
            versions[i] = HexFormat.of().toHexDigits(random.nextLong());
            ruleSets.put(versions[i], new RuleSources(Path.of("rules"),
                    new TreeMap<>(Map.of("verdict.drl", "// rule set " + versions[i])), versions[i]));
        }
        this.answerFiller = "The app is mostly CRUD, forms, dashboards, auth and admin workflows. ".repeat(20);
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        AuditQueryBenchmark benchmark = new AuditQueryBenchmark(records, runs);

        String sqlite = AuditDatabases.sqliteUrl(work.resolve("audit-bench.db"));
        benchmark.run("SQLite", sqlite, "", "");

        PostgresDatabase.whenReachable(postgres -> benchmark.run("PostgreSQL",
                postgres.jdbcUrl() + "?reWriteBatchedInserts=true", postgres.username(), postgres.password()));
    }

    private void run(String store, String url, String user, String password) throws SQLException {
        try (HikariDataSource pool = AuditDatabases.pool(url)) {
            pool.setUsername(user);
            pool.setPassword(password);
            AuditSchema.migrate(pool);
            long start = System.nanoTime();
            fill(pool);
            System.out.printf("%n%s: %,d evaluations filled in %d s%n", store, records,
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            if (store.equals("PostgreSQL")) {
                // What autovacuum does shortly after a bulk load; timing before it would measure an unusual state.
                jdbc.execute("VACUUM ANALYZE");
            }
            if (store.equals("SQLite")) {
                // What the service's hourly SqliteStatistics does: time the state a running service is in.
                new SqliteStatistics(jdbc, Long.MAX_VALUE).refreshStatistics();
            }
            time(new AuditLog(jdbc, JsonMapper.builder().build()));
        }
    }

    /**
     * The records go in as the service writes them (AuditStore: leaves of one log, its tree nodes and signed
     * checkpoints, statement keys), in batches of {@link #BATCH}, evaluation times spread over the year.
     */
    private void fill(DataSource dataSource) {
        SplittableRandom random = new SplittableRandom(42);
        NoteSigner signer = NoteSigner.fromPkcs8Pem("bench.example/audit", NoteSigner.generatePkcs8Pem());
        new BulkAppender(dataSource, "bench", signer).append(records, BATCH, seq -> {
            String choice = CHOICES[weighted(random, 45, 40, 15)];
            String label = random.nextInt(100) < 5 ? null : "project-" + skewed(random, LABELS);
            AuditEntry entry = new AuditEntry(0, new UUID(random.nextLong(), random.nextLong()).toString(),
                    startMicros + seq * (spanMicros / records) + random.nextLong(1_000_000), label, choice,
                    CONFIDENCES[random.nextInt(3)], versionAt(random, seq), 200 + random.nextLong(5_000),
                    "{\"label\":\"" + label + "\",\"project\":{\"framework\":\"UNDECIDED\","
                            + "\"type\":\"SAAS\",\"mostlyCrud\":" + random.nextBoolean() + ",\"monthsToDeadline\":"
                            + random.nextInt(24) + "},\"team\":{\"size\":" + (1 + random.nextInt(40)) + "}}",
                    "{\"verdict\":{\"choice\":\"" + choice + "\"},\"firedRules\":\"" + answerFiller + "\"}");
            Set<String> statements = new LinkedHashSet<>(List.of("VERDICT"));
            for (int key = 0; key < STATEMENTS.length; key++) {
                // Key k fires in 50% * 0.88^k of evaluations: from one in two down to about one in 400.
                if (random.nextDouble() < 0.5 * Math.pow(0.88, key)) {
                    statements.add(STATEMENTS[key]);
                }
            }
            return new PendingAppend(entry, statements, List.of(), ruleSets.get(entry.rulesVersion()), null);
        });
    }

    /** Versions follow each other over the year; one record in 20 still comes from the previous one (rollouts). */
    private String versionAt(SplittableRandom random, long seq) {
        int current = (int) ((seq - 1) * VERSIONS / records);
        return versions[current > 0 && random.nextInt(20) == 0 ? current - 1 : current];
    }

    /** Times the read API's own list query ({@link AuditLog#search}: the page and its total) per filter. */
    private void time(AuditLog auditLog) {
        long month = spanMicros / 12;
        Instant windowStart = EpochMicros.toInstant(startMicros + 6 * month);
        Instant windowEnd = EpochMicros.toInstant(startMicros + 7 * month);
        String version = versions[VERSIONS / 2];
        String commonStatement = STATEMENTS[0];
        String rareStatement = STATEMENTS[STATEMENTS.length - 1];
        List<Query> queries = List.of(
                new Query("no filter", new EvaluationFilter(null, null, null, null, null, null)),
                new Query("statement, common (~50%)",
                        new EvaluationFilter(commonStatement, null, null, null, null, null)),
                new Query("statement, rare (~0.3%)", new EvaluationFilter(rareStatement, null, null, null, null, null)),
                new Query("choice NO_CLEAR_WINNER (15%)",
                        new EvaluationFilter(null, Choice.NO_CLEAR_WINNER, null, null, null, null)),
                new Query("rulesVersion (1 of 30)", new EvaluationFilter(null, null, version, null, null, null)),
                new Query("label, frequent", new EvaluationFilter(null, null, null, "project-0", null, null)),
                new Query("label, rare", new EvaluationFilter(null, null, null, "project-4321", null, null)),
                new Query("time window, 30 days",
                        new EvaluationFilter(null, null, null, null, windowStart, windowEnd)),
                new Query("choice + rulesVersion + 30 days",
                        new EvaluationFilter(null, Choice.SQLALCHEMY, version, null, windowStart, windowEnd)),
                new Query("statement rare + choice + 30 days",
                        new EvaluationFilter(rareStatement, Choice.DJANGO_ORM, null, null, windowStart, windowEnd)),
                new Query("statement common + label",
                        new EvaluationFilter(commonStatement, null, null, "project-0", null, null)));
        System.out.printf("%-36s %9s %12s %12s %12s%n", "filter (runs: " + runs + ")", "total", "first p50",
                "first max", "page 100 p50");
        for (Query query : queries) {
            long total = auditLog.search(query.filter(), 0, 20).total();
            long[] first = new long[runs];
            long[] deep = new long[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                auditLog.search(query.filter(), 0, 20);
                first[run] = System.nanoTime() - start;
                start = System.nanoTime();
                auditLog.search(query.filter(), 100, 20);
                deep[run] = System.nanoTime() - start;
            }
            System.out.printf("%-36s %9d %12s %12s %12s%n", query.name(), total, ms(p50(first)), ms(max(first)),
                    ms(p50(deep)));
        }
    }

    private static int weighted(SplittableRandom random, int... weights) {
        int pick = random.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Few projects ask often, most rarely. */
    private static int skewed(SplittableRandom random, int bound) {
        double r = random.nextDouble();
        return (int) (bound * r * r * r);
    }

    private static long p50(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0);
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    /** One list request of the read API: a filter, answered as a page (newest first) with its total. */
    private record Query(String name, EvaluationFilter filter) {
    }
}
