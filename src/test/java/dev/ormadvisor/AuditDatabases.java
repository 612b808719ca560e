package dev.ormadvisor;

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

    /** A not yet existing database file in a fresh temporary folder. */
    public static Path temporarySqliteFile() {
        try {
            return Files.createTempDirectory("orm-advisor-audit").resolve("audit.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
