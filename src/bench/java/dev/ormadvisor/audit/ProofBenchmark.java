package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;
import dev.ormadvisor.PostgresDatabase;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.transparency.NoteSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inclusion-proof latency in a big log: fills one log to RECORDS leaves on each store (an SQLite file, kept under
 * CACHE_DIR for the next run, and a fresh PostgreSQL database when reachable) through {@link AuditStore#append} in
 * big batches, then times {@link TransparencyLogs#inclusion} for random leaves against the whole tree, and the same
 * through HTTP (GET /api/v1/audit/logs/{log}/proof?index=I&size=N) on the packaged jar pointed at that database.
 * One thread, one request at a time, after a warm-up; median, p99 and max in ms. Run: {@code bench/proofs.sh}.
 */
public final class ProofBenchmark {

    private static final String LOG = "bench";
    private static final int FILL_BATCH = 10_000;
    private static final int WARMUP = 300;
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(10);
    private static final Duration TIMING_LIMIT = Duration.ofSeconds(60);
    private static final HexFormat HEX = HexFormat.of();
    private static final RuleSources RULES = new RuleSources(Path.of("rules"),
            new TreeMap<>(Map.of("verdict.drl", "// bench rule set")), "bench-rule-set");
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final long records;
    private final int samples;
    private final Path jar;
    private final Path work;
    private final NoteSigner signer = NoteSigner.fromPkcs8Pem("bench.example/audit", NoteSigner.generatePkcs8Pem());

    private ProofBenchmark(long records, int samples, Path jar, Path work) {
        this.records = records;
        this.samples = samples;
        this.jar = jar;
        this.work = work;
    }

    /** Arguments: RECORDS SAMPLES CACHE_DIR JAR WORK_DIR */
    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path cache = Path.of(args.length > 2 ? args[2] : "target/bench-proofs");
        Path jar = Path.of(args.length > 3 ? args[3] : "target/orm-advisor.jar").toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args.length > 4 ? args[4] : "target/bench-proofs/work"));
        Files.createDirectories(cache);
        ProofBenchmark benchmark = new ProofBenchmark(records, samples, jar, work);
        System.out.printf("Inclusion proofs of random leaves in one log of %,d leaves (size = the whole log), %,d"
                + " timed requests (or as many as fit in %d s) after up to %d untimed, one at a time; %d cores,"
                + " load average before: %s%n", records, samples, TIMING_LIMIT.toSeconds(), WARMUP, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("%-12s %-48s %10s %10s %10s%n", "store", "what", "median ms", "p99 ms", "max ms");

        Path sqliteFile = cache.resolve("proofs-" + records + ".db").toAbsolutePath();
        String sqlite = AuditDatabases.sqliteUrl(sqliteFile);
        benchmark.run("SQLite", sqlite, "", "", sqliteFile, List.of());

        PostgresDatabase.whenReachable(postgres -> benchmark.run("PostgreSQL",
                postgres.jdbcUrl() + "?reWriteBatchedInserts=true", postgres.username(), postgres.password(), null,
                List.of("--spring.profiles.active=postgres")));
    }

    private void run(String store, String url, String user, String password, Path cachedFile,
            List<String> serviceSettings) throws Exception {
        if (cachedFile != null && Files.exists(cachedFile) && storedSize(url, user, password) != records) {
            // An interrupted fill, or another size: start the file again.
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(cachedFile + suffix));
            }
        }
        try (HikariDataSource pool = pool(url, user, password)) {
            AuditSchema.migrate(pool);
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            if (sizeOf(jdbc) == records) {
                System.out.printf("%-12s %s, filled by an earlier run%n", store, cachedFile);
            } else {
                fill(store, pool);
            }
            if (cachedFile == null) {
                time(store, "TransparencyLogs.inclusion, just filled", index -> inclusion(jdbc, index));
                // What autovacuum does shortly after a bulk load.
                jdbc.execute("VACUUM ANALYZE");
                time(store, "TransparencyLogs.inclusion, after ANALYZE", index -> inclusion(jdbc, index));
            } else {
                // The planner's statistics decide SQLite's plan: a store gets them from the service's
                // SqliteStatistics, 60 s after start and hourly; until then (and on a cached file from an earlier
                // run, which has them) time both states.
                jdbc.execute("ANALYZE sqlite_schema");
                jdbc.update("DELETE FROM sqlite_stat1");
            }
        }
        if (cachedFile != null) {
            try (HikariDataSource pool = pool(url, user, password)) {
                JdbcTemplate jdbc = new JdbcTemplate(pool);
                time(store, "TransparencyLogs.inclusion, no statistics", index -> inclusion(jdbc, index));
                new SqliteStatistics(jdbc, Long.MAX_VALUE).refreshStatistics();
            }
            try (HikariDataSource pool = pool(url, user, password)) {
                JdbcTemplate jdbc = new JdbcTemplate(pool);
                time(store, "TransparencyLogs.inclusion, after ANALYZE", index -> inclusion(jdbc, index));
            }
        }
        List<String> settings = new ArrayList<>(serviceSettings);
        settings.add("--spring.datasource.url=" + url);
        if (!user.isEmpty()) {
            settings.add("--spring.datasource.username=" + user);
        }
        timeHttp(store, settings);
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource pool = AuditDatabases.pool(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static long storedSize(String url, String user, String password) {
        try (HikariDataSource pool = pool(url, user, password)) {
            return sizeOf(new JdbcTemplate(pool));
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }

    private static long sizeOf(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForList("SELECT tree_size FROM audit_log WHERE id = ?", Long.class, LOG).stream()
                    .findFirst().orElse(0L);
        } catch (DataAccessException notMigratedYet) {
            return 0;
        }
    }

    private void fill(String store, HikariDataSource pool) {
        long start = System.nanoTime();
        new BulkAppender(pool, LOG, signer).append(records, FILL_BATCH, n -> {
            String id = UUID.randomUUID().toString();
            return new PendingAppend(new AuditEntry(0, id, EpochMicros.of(java.time.Instant.now()), "proofs",
                    "DJANGO_ORM", "HIGH", RULES.version(), 1_000, "{\"n\":" + n + "}", "{\"id\":\"" + id + "\"}"),
                    Set.of("DJ-1"), List.of(), RULES, null);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-12s filled %,d records through AuditStore.append (%,d per transaction) in %.0f s:"
                + " %,.0f appends/s%n", store, records, FILL_BATCH, seconds, records / seconds);
    }

    private void inclusion(JdbcTemplate jdbc, long index) {
        new TransparencyLogs(jdbc, "").inclusion(LOG, index, records);
    }

    /**
     * Up to {@link #WARMUP} untimed calls (at most {@link #WARMUP_LIMIT}), then up to {@code samples} timed ones (at
     * most {@link #TIMING_LIMIT}: a slow store reports fewer samples rather than run for an hour).
     */
    private void time(String store, String what, LongConsumer proof) {
        SplittableRandom random = new SplittableRandom(11);
        long warmupEnd = System.nanoTime() + WARMUP_LIMIT.toNanos();
        for (int i = 0; i < WARMUP && System.nanoTime() < warmupEnd; i++) {
            proof.accept(random.nextLong(records));
        }
        long[] nanos = new long[samples];
        int n = 0;
        long timingEnd = System.nanoTime() + TIMING_LIMIT.toNanos();
        while (n < samples && System.nanoTime() < timingEnd) {
            long index = random.nextLong(records);
            long start = System.nanoTime();
            proof.accept(index);
            nanos[n++] = System.nanoTime() - start;
        }
        long[] timed = Arrays.copyOf(nanos, n);
        Arrays.sort(timed);
        System.out.printf("%-12s %-48s %10.2f %10.2f %10.2f%s%n", store, what, timed[n / 2] / 1e6,
                timed[(int) Math.ceil(n * 0.99) - 1] / 1e6, timed[n - 1] / 1e6,
                n < samples ? "   (" + n + " samples in " + TIMING_LIMIT.toSeconds() + " s)" : "");
    }

    /** The packaged service on the same database; the proof endpoint timed from here over loopback. */
    private void timeHttp(String store, List<String> settings) throws Exception {
        Path keyFile = work.resolve("signing-key.pem");
        Files.writeString(keyFile, NoteSigner.generatePkcs8Pem(), StandardCharsets.US_ASCII);
        Path log = work.resolve("service-" + store + ".log");
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--server.port=0",
                "--advisor.rules.dir=" + Path.of("rules").toAbsolutePath(), "--advisor.instance.id=proof-bench",
                "--advisor.audit.signing-key=" + keyFile));
        command.addAll(settings);
        Process service = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Thread stopper = new Thread(service::destroy);
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            int port = awaitPort(service, log);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port + "/api/v1/audit/logs/" + LOG + "/proof?size=" + records
                    + "&index=";
            time(store, "GET /api/v1/audit/logs/" + LOG + "/proof (HTTP)", index -> {
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + index))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("proof of " + index + " answered " + response.statusCode()
                                + ": " + response.body());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    private static int awaitPort(Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped at start-up; its log: " + log);
            }
            Matcher port = PORT.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not start within 180 s; its log: " + log);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException | RuntimeException unavailable) {
            return "n/a";
        }
    }
}
