package dev.ormadvisor.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.lang3.concurrent.BasicThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the embedded SQLite store's query-planner statistics fresh, as PostgreSQL's autovacuum does for its own: a
 * sampled {@code ANALYZE} a minute after start-up (after the schema migration) and then every interval, on a thread
 * of its own ({@code PRAGMA optimize} leaves tables that were never analyzed alone, measured). Without them, a
 * combined filter over a large log picks the least selective index (measured: 0.7 s instead of milliseconds over a
 * million records). SQLite keeps them in the database file, so a restart starts with the last ones.
 *
 * <p>{@code ANALYZE} writes, so it holds the write lock while it runs, and the audit writer waits. Two soak runs
 * showed how that answers requests 503 (README, Soak): one {@code ANALYZE} of the whole store held the lock for over
 * 10 s on 9.6 GB (it walks every table, whatever {@code analysis_limit} says); then one index after another, back to
 * back, held it for 16 s on 5 GB although each was short, because SQLite's lock is not fair: a waiting writer polls
 * (at most every 100 ms) and finds it taken again each time. So each index is analyzed in a transaction of its own,
 * with a pause after it in which the waiting writer gets the lock.
 */
final class SqliteStatistics implements AutoCloseable {

    /** Longer than the 100 ms at which SQLite's busy handler polls, so a waiting writer always gets a turn. */
    static final Duration PAUSE_BETWEEN_INDEXES = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(SqliteStatistics.class);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            BasicThreadFactory.builder().namingPattern("sqlite-statistics").daemon(true).build());

    SqliteStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes the statistics a minute after start, then every {@code statisticsInterval}. */
    SqliteStatistics start(Duration statisticsInterval) {
        schedule.scheduleWithFixedDelay(this::refreshQuietly, 60_000, statisticsInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Analyzes every index, one at a time, each in a transaction of its own followed by a pause. */
    List<IndexAnalyzed> refreshStatistics() {
        // One connection for all: analysis_limit is per connection, and bounds the work by sampling each index.
        return jdbc.execute((ConnectionCallback<List<IndexAnalyzed>>) connection -> {
            List<String> indexes = new ArrayList<>();
            List<IndexAnalyzed> analyzed = new ArrayList<>();
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA analysis_limit=2000");
                try (var names = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'index'")) {
                    while (names.next()) {
                        indexes.add(names.getString(1));
                    }
                }
                for (String index : indexes) {
                    long started = System.nanoTime();
                    statement.execute("ANALYZE \"" + index.replace("\"", "\"\"") + "\"");
                    analyzed.add(new IndexAnalyzed(index, started, System.nanoTime()));
                    Thread.sleep(PAUSE_BETWEEN_INDEXES.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return analyzed;
        });
    }

    private void refreshQuietly() {
        try {
            long started = System.nanoTime();
            List<IndexAnalyzed> analyzed = refreshStatistics();
            analyzed.stream().max(Comparator.comparingLong(IndexAnalyzed::nanos)).ifPresent(slowest -> log.info(
                    "Refreshed SQLite's query statistics of {} indexes in {} ms; the longest hold of the write lock"
                            + " was {} ms ({})", analyzed.size(), (System.nanoTime() - started) / 1_000_000,
                    slowest.nanos() / 1_000_000, slowest.index()));
        } catch (RuntimeException e) {
            log.warn("Refreshing SQLite's query statistics failed; queries still work, maybe slower", e);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }

    /** One index's {@code ANALYZE}: from its start to its commit, in {@link System#nanoTime()}. */
    record IndexAnalyzed(String index, long startedNanos, long committedNanos) {

        long nanos() {
            return committedNanos - startedNanos;
        }
    }
}
