package dev.ormadvisor.bench;

import dev.ormadvisor.AuditDatabases;
import dev.ormadvisor.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;

/**
 * Fills a fresh audit store (SQLite, and PostgreSQL when reachable) with N realistic evaluations through plain JDBC
 * batches on the Flyway-migrated schema, then times the list queries the read API issues: each filter alone and
 * combined, {@code ORDER BY seq DESC LIMIT 20} and the {@code COUNT(*)} total. Run: {@code bench/audit-queries.sh
 * [RECORDS] [RUNS]}.
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
    private static final String SUMMARY_COLUMNS =
            "e.seq, e.id, e.evaluated_at_us, e.label, e.choice, e.confidence, e.rules_version, e.duration_us";
    private static final String STATEMENT_FILTER =
            "EXISTS (SELECT 1 FROM audit_statement s WHERE s.statement_key = ? AND s.evaluation_seq = e.seq)";

    private final int records;
    private final int runs;
    private final long startMicros;
    private final long spanMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(365)));
    private final String[] versions = new String[VERSIONS];
    /** A filler of realistic size for the stored answer (the real one quotes every fired rule's explanation). */
    private final String answerFiller;

    private AuditQueryBenchmark(int records, int runs) {
        this.records = records;
        this.runs = runs;
        this.startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) - spanMicros;
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < VERSIONS; i++) {
            versions[i] = HexFormat.of().toHexDigits(random.nextLong());
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

        PostgresDatabase postgres = new PostgresDatabase();
        try {
            postgres.create();
        } catch (SQLException unreachable) {
            System.out.println("PostgreSQL not reachable at " + PostgresDatabase.SERVER + ": skipped");
            return;
        }
        try {
            benchmark.run("PostgreSQL", postgres.jdbcUrl() + "?reWriteBatchedInserts=true", postgres.username(),
                    postgres.password());
        } finally {
            postgres.drop();
        }
    }

    private void run(String store, String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            long start = System.nanoTime();
            fill(connection);
            System.out.printf("%n%s: %,d evaluations filled in %d s%n", store, records,
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
            if (store.equals("PostgreSQL")) {
                // What autovacuum does shortly after a bulk load; timing before it would measure an unusual state.
                connection.setAutoCommit(true);
                connection.createStatement().execute("VACUUM ANALYZE");
            }
            time(connection);
        }
    }

    private void fill(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(42);
        try (PreparedStatement evaluation = connection.prepareStatement("""
                INSERT INTO audit_evaluation (seq, id, evaluated_at_us, label, choice, confidence, rules_version,
                    duration_us, facts, answer, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO audit_statement (statement_key, evaluation_seq) VALUES (?, ?)")) {
            String previous = "0".repeat(64);
            for (long seq = 1; seq <= records; seq++) {
                String hash = HexFormat.of().toHexDigits(random.nextLong()).repeat(4);
                String choice = CHOICES[weighted(random, 45, 40, 15)];
                String label = random.nextInt(100) < 5 ? null : "project-" + skewed(random, LABELS);
                evaluation.setLong(1, seq);
                evaluation.setString(2, new java.util.UUID(random.nextLong(), random.nextLong()).toString());
                evaluation.setLong(3, startMicros + seq * (spanMicros / records) + random.nextLong(1_000_000));
                evaluation.setString(4, label);
                evaluation.setString(5, choice);
                evaluation.setString(6, CONFIDENCES[random.nextInt(3)]);
                evaluation.setString(7, versionAt(random, seq));
                evaluation.setLong(8, 200 + random.nextLong(5_000));
                evaluation.setString(9, "{\"label\":\"" + label + "\",\"project\":{\"framework\":\"UNDECIDED\","
                        + "\"type\":\"SAAS\",\"mostlyCrud\":" + random.nextBoolean() + ",\"monthsToDeadline\":"
                        + random.nextInt(24) + "},\"team\":{\"size\":" + (1 + random.nextInt(40)) + "}}");
                evaluation.setString(10, "{\"verdict\":{\"choice\":\"" + choice + "\"},\"firedRules\":\""
                        + answerFiller + "\"}");
                evaluation.setString(11, previous);
                evaluation.setString(12, hash);
                evaluation.addBatch();
                previous = hash;
                statement.setString(1, "VERDICT");
                statement.setLong(2, seq);
                statement.addBatch();
                for (int key = 0; key < STATEMENTS.length; key++) {
                    // Key k fires in 50% * 0.88^k of evaluations: from one in two down to about one in 400.
                    if (random.nextDouble() < 0.5 * Math.pow(0.88, key)) {
                        statement.setString(1, STATEMENTS[key]);
                        statement.setLong(2, seq);
                        statement.addBatch();
                    }
                }
                if (seq % BATCH == 0 || seq == records) {
                    evaluation.executeBatch();
                    statement.executeBatch();
                    connection.commit();
                }
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, records);
                head.setString(2, previous);
                head.executeUpdate();
            }
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    /** Versions follow each other over the year; one record in 20 still comes from the previous one (rollouts). */
    private String versionAt(SplittableRandom random, long seq) {
        int current = (int) ((seq - 1) * VERSIONS / records);
        return versions[current > 0 && random.nextInt(20) == 0 ? current - 1 : current];
    }

    private void time(Connection connection) throws SQLException {
        long month = spanMicros / 12;
        long windowStart = startMicros + 6 * month;
        String version = versions[VERSIONS / 2];
        String commonStatement = STATEMENTS[0];
        String rareStatement = STATEMENTS[STATEMENTS.length - 1];
        List<Query> queries = List.of(
                new Query("no filter", List.of(), List.of()),
                new Query("statement, common (~50%)", List.of(STATEMENT_FILTER), List.of(commonStatement)),
                new Query("statement, rare (~0.3%)", List.of(STATEMENT_FILTER), List.of(rareStatement)),
                new Query("choice NO_CLEAR_WINNER (15%)", List.of("e.choice = ?"), List.of("NO_CLEAR_WINNER")),
                new Query("rulesVersion (1 of 30)", List.of("e.rules_version = ?"), List.of(version)),
                new Query("label, frequent", List.of("e.label = ?"), List.of("project-0")),
                new Query("label, rare", List.of("e.label = ?"), List.of("project-4321")),
                new Query("time window, 30 days", List.of("e.evaluated_at_us >= ?", "e.evaluated_at_us < ?"),
                        List.of(windowStart, windowStart + month)),
                new Query("choice + rulesVersion + 30 days", List.of("e.choice = ?", "e.rules_version = ?",
                        "e.evaluated_at_us >= ?", "e.evaluated_at_us < ?"),
                        List.of("SQLALCHEMY", version, windowStart, windowStart + month)),
                new Query("statement rare + choice + 30 days", List.of(STATEMENT_FILTER, "e.choice = ?",
                        "e.evaluated_at_us >= ?", "e.evaluated_at_us < ?"),
                        List.of(rareStatement, "DJANGO_ORM", windowStart, windowStart + month)),
                new Query("statement common + label", List.of(STATEMENT_FILTER, "e.label = ?"),
                        List.of(commonStatement, "project-0")));
        System.out.printf("%-36s %9s %9s %9s %9s %9s%n", "filter (runs: " + runs + ")", "rows", "page p50",
                "page max", "count p50", "count max");
        for (Query query : queries) {
            long total = query.count(connection);
            long[] page = new long[runs];
            long[] count = new long[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                query.page(connection, 0);
                page[run] = System.nanoTime() - start;
                start = System.nanoTime();
                query.count(connection);
                count[run] = System.nanoTime() - start;
            }
            System.out.printf("%-36s %9d %9s %9s %9s %9s%n", query.name(), total, ms(p50(page)), ms(max(page)),
                    ms(p50(count)), ms(max(count)));
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

    /** One list request of the read API: the page (newest first) and the total. */
    private record Query(String name, List<String> filters, List<Object> parameters) {

        void page(Connection connection, int offset) throws SQLException {
            List<Object> all = new ArrayList<>(parameters);
            all.add(20);
            all.add(offset);
            try (ResultSet rows = execute(connection, "SELECT " + SUMMARY_COLUMNS + " FROM audit_evaluation e"
                    + where() + " ORDER BY e.seq DESC LIMIT ? OFFSET ?", all)) {
                while (rows.next()) {
                    rows.getString(2);
                }
            }
        }

        long count(Connection connection) throws SQLException {
            try (ResultSet rows = execute(connection, "SELECT COUNT(*) FROM audit_evaluation e" + where(),
                    parameters)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private String where() {
            return filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters);
        }

        private static ResultSet execute(Connection connection, String sql, List<Object> parameters)
                throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.closeOnCompletion();
            return statement.executeQuery();
        }
    }
}
