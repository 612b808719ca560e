package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.PostgresDatabase;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.transparency.NoteSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit store alone, on PostgreSQL: appends per second from 1, 2, 4 and 8 independent writers appending at
 * once, each the stack one service instance builds (see AuditConfiguration) without Spring and without HTTP: its
 * own connection pool, its own {@link GroupCommitWriter} and {@link AuditStore}, its own log; all sign with one key,
 * as replicas do. Each writer is kept busy by submitting threads of its own that hold {@code IN_FLIGHT} appends
 * waiting for their commit, so the writer always finds a full batch queued. Each writer count runs on a fresh
 * database, after a warm-up, for the same number of seconds. Run: {@code bench/audit-writers.sh}.
 */
public final class AuditWritersBenchmark {

    private static final int SUBMITTERS_PER_WRITER = 2;
    /** More than one batch waiting per writer: the writer never waits for its submitters. */
    private static final int IN_FLIGHT = 1_024;
    private static final RuleSources RULES = new RuleSources(Path.of("rules"),
            new TreeMap<>(Map.of("verdict.drl", "// bench rule set")), "bench-rule-set");

    private final int seconds;
    private final int warmupSeconds;
    private final int maxBatch;
    private final String facts;
    private final String answerFiller;
    private final JsonMapper json = JsonMapper.builder().build();
    private final NoteSigner signer = NoteSigner.fromPkcs8Pem("bench.example/audit", NoteSigner.generatePkcs8Pem());

    private AuditWritersBenchmark(int seconds, int warmupSeconds, int maxBatch, String facts) {
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.maxBatch = maxBatch;
        this.facts = facts;
        // About the size of a real answer, which quotes every fired rule's explanation.
        this.answerFiller = "The app is mostly CRUD, forms, dashboards, auth and admin workflows. ".repeat(20);
    }

    /** Arguments: SECONDS WARMUP_SECONDS MAX_BATCH WRITER_COUNTS... */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int maxBatch = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int[] counts = args.length > 3 ? Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2, 4, 8};
        String facts = Files.readString(Path.of("examples/team-a.json"));
        AuditWritersBenchmark benchmark = new AuditWritersBenchmark(seconds, warmup, maxBatch, facts);

        System.out.printf("Appends to PostgreSQL through AuditStore + GroupCommitWriter, %d s per row after %d s of"
                + " warm-up, each row on a fresh database; max batch %d, %d submitting threads and %,d appends in"
                + " flight per writer; %d cores, load average before: %s%n", seconds, warmup, maxBatch,
                SUBMITTERS_PER_WRITER, IN_FLIGHT, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("%8s %12s %8s %12s %14s %14s%n", "writers", "appends/s", "ratio", "per writer",
                "mean batch", "machine busy");
        double first = 0;
        for (int writers : counts) {
            Step step = benchmark.measure(writers);
            if (first == 0) {
                first = step.appendsPerSecond();
            }
            System.out.printf("%8d %12.0f %7.2fx %12.0f %14.1f %13.0f%%%n", writers, step.appendsPerSecond(),
                    step.appendsPerSecond() / first, step.appendsPerSecond() / writers, step.meanBatch(),
                    step.machineBusy() * 100);
        }
    }

    private Step measure(int writers) throws Exception {
        Step[] result = new Step[1];
        PostgresDatabase database = new PostgresDatabase();
        database.create();
        try {
            List<Writer> stack = new ArrayList<>();
            try {
                for (int i = 0; i < writers; i++) {
                    HikariDataSource pool = database.newPool();
                    pool.setMaximumPoolSize(2);
                    if (i == 0) {
                        AuditSchema.migrate(pool);
                    }
                    stack.add(new Writer(pool, "writer-" + i));
                }
                stack.forEach(Writer::startSubmitting);
                Thread.sleep(warmupSeconds * 1000L);
                long[] busyBefore = CpuTicks.read();
                long appendsBefore = stack.stream().mapToLong(Writer::committed).sum();
                long commitsBefore = stack.stream().mapToLong(Writer::commits).sum();
                long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                long appends = stack.stream().mapToLong(Writer::committed).sum() - appendsBefore;
                long commits = stack.stream().mapToLong(Writer::commits).sum() - commitsBefore;
                double elapsed = (System.nanoTime() - start) / 1e9;
                long[] busyAfter = CpuTicks.read();
                result[0] = new Step(appends / elapsed, commits == 0 ? 0 : (double) appends / commits,
                        CpuTicks.busyShare(busyBefore, busyAfter));
            } finally {
                for (Writer writer : stack) {
                    writer.close();
                }
            }
        } finally {
            database.drop();
        }
        return result[0];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException | RuntimeException unavailable) {
            return "n/a";
        }
    }

    /** One writer count's outcome: appends/s of all writers, appends per transaction, machine CPU share busy. */
    private record Step(double appendsPerSecond, double meanBatch, double machineBusy) {
    }

    /** One service instance's writer stack, and the threads that keep it busy. */
    private final class Writer implements AutoCloseable {

        private final HikariDataSource pool;
        private final CommitCounter commits = new CommitCounter();
        private final GroupCommitWriter writer;
        private final String logId;
        private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
        private final LongAdder committed = new LongAdder();
        private final AtomicLong failed = new AtomicLong();
        private final List<Thread> submitters = new ArrayList<>();
        private volatile boolean submitting = true;

        Writer(HikariDataSource pool, String logId) {
            this.pool = pool;
            this.logId = logId;
            this.writer = new GroupCommitWriter(new AuditStore(new JdbcTemplate(pool),
                    new TransactionTemplate(new JdbcTransactionManager(pool)), json, AuditDialect.of(pool),
                    LogIdentity.of(logId, "bench.example/audit", signer)), 2 * IN_FLIGHT, maxBatch,
                    commits.registry());
        }

        void startSubmitting() {
            IntStream.range(0, SUBMITTERS_PER_WRITER).forEach(i -> {
                Thread thread = new Thread(this::submitUntilStopped, logId + "-submitter-" + i);
                thread.setDaemon(true);
                submitters.add(thread);
                thread.start();
            });
        }

        private void submitUntilStopped() {
            while (submitting) {
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                String id = UUID.randomUUID().toString();
                AuditEntry entry = new AuditEntry(0, id, EpochMicros.of(Instant.now()), "bench " + logId,
                        "DJANGO_ORM", "HIGH", RULES.version(), 1_000, facts, "{\"id\":\"" + id + "\",\"text\":\""
                                + answerFiller + "\"}");
                writer.submit(new PendingAppend(entry, Set.of("DJ-1", "DJ-3", "FACTOR-ADMIN"),
                        List.of("Building a Django app means Django ORM", "Admin-heavy apps lean Django",
                                "Team knows Django"), RULES, null)).whenComplete((receipt, error) -> {
                                    if (error == null) {
                                        committed.increment();
                                    } else if (failed.getAndIncrement() == 0) {
                                        System.err.println(logId + ": an append failed: " + error);
                                    }
                                    inFlight.release();
                                });
            }
        }

        long committed() {
            return committed.sum();
        }

        long commits() {
            return commits.commits();
        }

        @Override
        public void close() throws InterruptedException {
            submitting = false;
            for (Thread submitter : submitters) {
                submitter.join(5_000);
            }
            try {
                writer.close();
            } finally {
                pool.close();
            }
        }
    }

    /** The machine's CPU time from /proc/stat (Linux): busy and total ticks. */
    static final class CpuTicks {

        private CpuTicks() {
        }

        static long[] read() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long user = Long.parseLong(fields[1]);
                long nice = Long.parseLong(fields[2]);
                long system = Long.parseLong(fields[3]);
                long idle = Long.parseLong(fields[4]);
                long iowait = Long.parseLong(fields[5]);
                long irq = Long.parseLong(fields[6]);
                long softirq = Long.parseLong(fields[7]);
                long busy = user + nice + system + irq + softirq;
                return new long[] {busy, busy + idle + iowait};
            } catch (IOException | RuntimeException unavailable) {
                return new long[] {0, 0};
            }
        }

        static double busyShare(long[] before, long[] after) {
            long total = after[1] - before[1];
            return total <= 0 ? Double.NaN : (double) (after[0] - before[0]) / total;
        }
    }
}
