package dev.ormadvisor.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What PostgreSQL's own background processes do, done for the embedded SQLite store on a thread of its own, off the
 * request path and off the audit writer's commits:
 *
 * <ul>
 *   <li><b>Checkpoints.</b> By default the connection that commits past 1,000 write-ahead log pages moves the log
 *       into the database file inside its commit: that was the audit writer, so every few dozen batches one commit
 *       also copied megabytes and flushed the database file while the requests of its batch waited (the slowest
 *       answers at a steady rate). The pool's connections are opened with {@value #NO_AUTOMATIC_CHECKPOINT}
 *       (AuditConfiguration), and a passive checkpoint runs here every interval: it copies what no reader still
 *       needs, never waits for a lock, and the writer goes on appending meanwhile. Durability does not change: a
 *       commit is durable once its log frames are flushed, before any checkpoint.</li>
 *   <li><b>Query-planner statistics</b>, a sampled {@code ANALYZE} a minute after start-up (after the schema
 *       migration) and then every {@code statisticsInterval} ({@code PRAGMA optimize} leaves tables that were never
 *       analyzed alone, measured). Without them, a combined filter over a large log picks the least selective index
 *       (measured: 0.7 s instead of milliseconds over a million records). SQLite keeps them in the database file,
 *       so a restart starts with the last ones. {@code ANALYZE} writes, so it holds the write lock while it runs:
 *       one {@code ANALYZE} of the whole database held it for over 10 s on a 9.6 GB store in the hour-long soak,
 *       and the commits waiting behind it were answered 503. Each index is analyzed on its own instead, in its own
 *       short transaction (about 10 ms each on a 6 GB store), so the audit writer commits between them.</li>
 * </ul>
 */
final class SqliteMaintenance implements AutoCloseable {

    static final String NO_AUTOMATIC_CHECKPOINT = "PRAGMA wal_autocheckpoint=0";

    private static final Logger log = LoggerFactory.getLogger(SqliteMaintenance.class);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sqlite-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    SqliteMaintenance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Checkpoints every {@code checkpointInterval}; refreshes the statistics a minute after start, then every
     * {@code statisticsInterval}. */
    SqliteMaintenance start(Duration checkpointInterval, Duration statisticsInterval) {
        schedule.scheduleWithFixedDelay(() -> quietly(this::checkpoint,
                "Checkpointing SQLite's write-ahead log failed; commits go on, the log file grows meanwhile"),
                checkpointInterval.toMillis(), checkpointInterval.toMillis(), TimeUnit.MILLISECONDS);
        schedule.scheduleWithFixedDelay(() -> quietly(this::refreshStatistics,
                "Refreshing SQLite's query statistics failed; queries still work, maybe slower"),
                60, statisticsInterval.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** One passive checkpoint: the log frames it found, and how many of them are now in the database file. */
    Progress checkpoint() {
        return jdbc.queryForObject("PRAGMA wal_checkpoint(PASSIVE)",
                (row, number) -> new Progress(row.getLong(2), row.getLong(3)));
    }

    /** Analyzes every index, one at a time, each in a transaction of its own; returns how many. */
    int refreshStatistics() {
        // One connection for all: analysis_limit is per connection, and bounds the work by sampling each index.
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            List<String> indexes = new ArrayList<>();
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA analysis_limit=2000");
                try (var names = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'index'")) {
                    while (names.next()) {
                        indexes.add(names.getString(1));
                    }
                }
                for (String index : indexes) {
                    statement.execute("ANALYZE \"" + index.replace("\"", "\"\"") + "\"");
                }
            }
            return indexes.size();
        });
    }

    private static void quietly(Runnable task, String failure) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn(failure, e);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }

    /** {@code logFrames}: frames in the write-ahead log; {@code checkpointed}: those now in the database file. */
    record Progress(long logFrames, long checkpointed) {
    }
}
