package dev.ormadvisor.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>{@code ANALYZE} writes, so it holds the write lock while it runs, and the audit writer waits: the hour-long
 * soak found three ways for that to answer requests 503 (README, Soak), and each shaped this class:
 * <ul>
 *   <li>one {@code ANALYZE} of the whole store walks every table: each index is analyzed in a transaction of its
 *       own;</li>
 *   <li>SQLite's lock is not fair (a waiting writer polls, at most every 100 ms), so indexes analyzed back to back
 *       kept the writer out for 16 s: a pause follows each index, in which the waiting writer gets the lock;</li>
 *   <li>the driver's SQLite is built with STAT4, which counts every entry of an index before sampling it, whatever
 *       {@code analysis_limit} says: the lock is held in proportion to the index's size. An index whose statistics
 *       were taken on more than {@code rowsAnalyzedAtMost} rows keeps them: a table that big shows how selective
 *       each index is, and that does not change as the log grows.</li>
 * </ul>
 */
final class SqliteStatistics implements AutoCloseable {

    /** Longer than the 100 ms at which SQLite's busy handler polls, so a waiting writer always gets a turn. */
    static final Duration PAUSE_BETWEEN_INDEXES = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(SqliteStatistics.class);

    private final JdbcTemplate jdbc;
    private final long rowsAnalyzedAtMost;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            BasicThreadFactory.builder().namingPattern("sqlite-statistics").daemon(true).build());

    SqliteStatistics(JdbcTemplate jdbc, long rowsAnalyzedAtMost) {
        this.jdbc = jdbc;
        this.rowsAnalyzedAtMost = rowsAnalyzedAtMost;
    }

    /** Refreshes the statistics a minute after start, then every {@code statisticsInterval}. */
    SqliteStatistics start(Duration statisticsInterval) {
        schedule.scheduleWithFixedDelay(this::refreshQuietly, 60_000, statisticsInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Analyzes every index that has no statistics yet or whose statistics were taken on at most
     * {@code rowsAnalyzedAtMost} rows, one at a time, each in a transaction of its own followed by a pause.
     */
    List<IndexAnalyzed> refreshStatistics() {
        // One connection for all: analysis_limit is per connection, and bounds the sampling of each index.
        return jdbc.execute((ConnectionCallback<List<IndexAnalyzed>>) connection -> {
            List<IndexAnalyzed> analyzed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA analysis_limit=2000");
                for (String index : indexesDue(connection)) {
                    analyzed.add(analyze(statement, index));
                    Thread.sleep(PAUSE_BETWEEN_INDEXES.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return analyzed;
        });
    }

    /**
     * The indexes due, the primary keys of WITHOUT ROWID tables among them: such a key is the table's own B-tree,
     * with no entry of its own in {@code sqlite_schema}, and is analyzed alone by its internal index name. The rows
     * statistics were taken on are the first number of their {@code sqlite_stat1} entry (such a key's entry is under
     * its table's name): read there rather than counted, as a WITHOUT ROWID table has no cheap count.
     */
    private List<String> indexesDue(Connection connection) throws SQLException {
        List<String> due = new ArrayList<>();
        boolean anyStatistics;
        try (Statement statement = connection.createStatement();
                var found = statement.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'")) {
            anyStatistics = found.next();
        }
        String rowsAnalyzed = anyStatistics
                ? "(SELECT CAST(stat AS INTEGER) FROM sqlite_stat1 WHERE idx = candidate.stat_idx LIMIT 1)" : "NULL";
        try (Statement statement = connection.createStatement();
                var indexes = statement.executeQuery("SELECT candidate.name, " + rowsAnalyzed + " FROM ("
                        + "SELECT name, name AS stat_idx FROM sqlite_schema WHERE type = 'index'"
                        + " UNION ALL SELECT k.name, t.name FROM pragma_table_list t, pragma_index_list(t.name) k"
                        + " WHERE t.schema = 'main' AND t.wr = 1 AND k.origin = 'pk') candidate"
                        + " ORDER BY candidate.name")) {
            while (indexes.next()) {
                long rows = indexes.getLong(2);
                if (indexes.wasNull() || rows <= rowsAnalyzedAtMost) {
                    due.add(indexes.getString(1));
                }
            }
        }
        return due;
    }

    /** {@code BEGIN IMMEDIATE} takes the write lock first, so that the wait for it and the hold are told apart. */
    private static IndexAnalyzed analyze(Statement statement, String index) throws SQLException {
        long started = System.nanoTime();
        statement.execute("BEGIN IMMEDIATE");
        long locked = System.nanoTime();
        try {
            statement.execute("ANALYZE " + quoted(index));
            statement.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        return new IndexAnalyzed(index, started, locked, System.nanoTime());
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private void refreshQuietly() {
        try {
            long started = System.nanoTime();
            List<IndexAnalyzed> analyzed = refreshStatistics();
            analyzed.stream().max(Comparator.comparingLong(IndexAnalyzed::heldNanos)).ifPresent(longest -> log.info(
                    "Refreshed SQLite's query statistics of {} indexes in {} ms; the longest hold of the write lock"
                            + " was {} ms ({}, after waiting {} ms for it)", analyzed.size(),
                    (System.nanoTime() - started) / 1_000_000, longest.heldNanos() / 1_000_000, longest.index(),
                    (longest.lockedNanos() - longest.startedNanos()) / 1_000_000));
        } catch (RuntimeException e) {
            log.warn("Refreshing SQLite's query statistics failed; queries still work, maybe slower", e);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }

    /** One index's {@code ANALYZE}, in {@link System#nanoTime()}: asked for the lock, got it, committed. */
    record IndexAnalyzed(String index, long startedNanos, long lockedNanos, long committedNanos) {

        long heldNanos() {
            return committedNanos - lockedNanos;
        }
    }
}
