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
 * Keeps the embedded SQLite store's query-planner statistics fresh, as PostgreSQL's autovacuum does for its own: a
 * sampled {@code ANALYZE} a minute after start-up (after the schema migration) and then every interval, on a thread
 * of its own ({@code PRAGMA optimize} leaves tables that were never analyzed alone, measured). Without them, a
 * combined filter over a large log picks the least selective index (measured: 0.7 s instead of milliseconds over a
 * million records). SQLite keeps them in the database file, so a restart starts with the last ones.
 *
 * <p>{@code ANALYZE} writes, so it holds the write lock while it runs: one {@code ANALYZE} of the whole store held it
 * for over 10 s on 9.6 GB in the hour-long soak (it also walks every table, whatever {@code analysis_limit} says),
 * and the commits waiting behind it were answered 503. Each index is analyzed on its own instead, in a transaction
 * of its own (on a 6 GB copy: at most 0.3 s an index with the pages cached, 2.6 s without), so the audit writer
 * commits between them.
 */
final class SqliteMaintenance implements AutoCloseable {

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

    /** Refreshes the statistics a minute after start, then every {@code statisticsInterval}. */
    SqliteMaintenance start(Duration statisticsInterval) {
        schedule.scheduleWithFixedDelay(this::refreshQuietly, 60, statisticsInterval.toSeconds(), TimeUnit.SECONDS);
        return this;
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

    private void refreshQuietly() {
        try {
            refreshStatistics();
        } catch (RuntimeException e) {
            log.warn("Refreshing SQLite's query statistics failed; queries still work, maybe slower", e);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
