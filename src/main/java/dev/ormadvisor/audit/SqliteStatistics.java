package dev.ormadvisor.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps SQLite's query-planner statistics fresh (a sampled {@code ANALYZE}: {@code PRAGMA optimize} leaves tables
 * that were never analyzed alone, measured). Without them, a combined filter over a large log picks the least selective index
 * (measured: 0.7 s instead of milliseconds over a million records). PostgreSQL's autovacuum does this itself.
 */
final class SqliteStatistics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteStatistics.class);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sqlite-statistics");
        thread.setDaemon(true);
        return thread;
    });

    SqliteStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Refreshes a minute after start-up (after the schema migration) and then every hour, off the request path.
     * SQLite keeps the statistics in the database file, so a restart starts with the last ones.
     */
    SqliteStatistics refreshHourly() {
        schedule.scheduleWithFixedDelay(this::refreshQuietly, 60, 3600, TimeUnit.SECONDS);
        return this;
    }

    void refresh() {
        // One connection for both: analysis_limit is per connection, and bounds the work by sampling each index.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA analysis_limit=2000");
                statement.execute("ANALYZE");
            }
            return null;
        });
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Refreshing SQLite's query statistics failed; queries still work, maybe slower", e);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
