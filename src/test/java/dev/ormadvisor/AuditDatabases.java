package dev.ormadvisor;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests, integration tests and benchmarks put an audit store of their own. */
public final class AuditDatabases {

    private AuditDatabases() {
    }

    /** The production settings of application.properties (WAL, synchronous=FULL, busy timeout) on another file. */
    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000";
    }

    /** A connection pool of its own on {@code jdbcUrl}, as one more service instance would open; close it. */
    public static HikariDataSource pool(String jdbcUrl) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        return pool;
    }

    /** A not yet existing database file in a fresh temporary folder. */
    public static Path temporarySqliteFile() {
        try {
            return Files.createTempDirectory("orm-advisor-audit").resolve("audit.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
