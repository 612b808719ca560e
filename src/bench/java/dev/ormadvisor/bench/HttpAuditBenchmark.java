package dev.ormadvisor.bench;

import dev.ormadvisor.AuditDatabases;
import dev.ormadvisor.PackagedService;
import dev.ormadvisor.PostgresDatabase;
import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Durable evaluations per second over HTTP: the packaged jar on loopback, C clients posting the example facts in a
 * loop for S seconds (after a warm-up), each answer acknowledged only once its audit record is committed. Run:
 * {@code bench/http-audit.sh [SECONDS] [CLIENTS]}.
 */
public final class HttpAuditBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private final Duration measured;
    private final int clients;
    private final List<String> bodies;

    private HttpAuditBenchmark(Duration measured, int clients, List<String> bodies) {
        this.measured = measured;
        this.clients = clients;
        this.bodies = bodies;
    }

    public static void main(String[] args) throws Exception {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path work = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        List<String> bodies = new ArrayList<>();
        try (var examples = Files.list(Path.of("examples"))) {
            for (Path example : examples.sorted().toList()) {
                bodies.add(Files.readString(example));
            }
        }
        HttpAuditBenchmark benchmark = new HttpAuditBenchmark(measured, clients, bodies);
        System.out.printf("%-12s %8s %12s %9s %9s %9s%n", "store", "clients", "answers/s", "p50", "p99", "errors");

        benchmark.run("SQLite", List.of("--spring.datasource.url="
                + AuditDatabases.sqliteUrl(work.resolve("http-audit.db"))), work.resolve("sqlite.log"));

        PostgresDatabase.whenReachable(postgres -> benchmark.run("PostgreSQL", postgres.serviceSettings(),
                work.resolve("postgres.log")));
    }

    private void run(String store, List<String> settings, Path log) throws Exception {
        try (PackagedService service = PackagedService.startHealthy(settings, ShippedRules.DIR, log)) {
            load(service, WARM_UP);
            Result result = load(service, measured);
            long[] sorted = result.latencies();
            Arrays.sort(sorted);
            System.out.printf("%-12s %8d %12.0f %9s %9s %9d%n", store, clients,
                    sorted.length / (measured.toNanos() / 1e9), ms(sorted, 50), ms(sorted, 99), result.errors());
        }
    }

    private Result load(PackagedService service, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<Result>> workers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int answered = 0;
                    int errors = 0;
                    for (int i = first; System.nanoTime() < deadline; i++) {
                        long start = System.nanoTime();
                        if (post(service, bodies.get(i % bodies.size()))) {
                            if (answered == latencies.length) {
                                latencies = Arrays.copyOf(latencies, answered * 2);
                            }
                            latencies[answered++] = System.nanoTime() - start;
                        } else {
                            errors++;
                        }
                    }
                    return new Result(Arrays.copyOf(latencies, answered), errors);
                }));
            }
            long[] all = new long[0];
            int errors = 0;
            for (Future<Result> worker : workers) {
                Result result = worker.get();
                int before = all.length;
                all = Arrays.copyOf(all, before + result.latencies().length);
                System.arraycopy(result.latencies(), 0, all, before, result.latencies().length);
                errors += result.errors();
            }
            return new Result(all, errors);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean post(PackagedService service, String body) throws InterruptedException {
        try {
            HttpResponse<String> response = service.post("/api/v1/evaluations", body);
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String ms(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return "-";
        }
        long nanos = sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
        return String.format("%.1f ms", nanos / 1e6);
    }

    private record Result(long[] latencies, int errors) {
    }
}
