package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded store's commits never move the write-ahead log into the database file (which made the batch that
 * happened to cross 1,000 log pages wait for megabytes to be copied and flushed): a thread of its own does.
 */
class SqliteMaintenanceTests {

    /** SQLite's own default: the commit that takes the log past this many pages checkpoints it. */
    private static final int AUTOMATIC_CHECKPOINT_PAGES = 1000;

    private Path file;
    private HikariDataSource pool;
    private JdbcTemplate jdbc;

    @BeforeEach
    void openTheServicesPool() {
        file = AuditDatabases.temporarySqliteFile();
        pool = AuditDatabases.pool(AuditDatabases.sqliteUrl(file));
        AuditConfiguration.sqliteDataSource().postProcessBeforeInitialization(pool, "dataSource");
        jdbc = new JdbcTemplate(pool);
        jdbc.execute("CREATE TABLE record (body BLOB NOT NULL)");
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void theServicesConnectionsDoNotCheckpointInTheirCommits() {
        assertThat(jdbc.queryForObject("PRAGMA wal_autocheckpoint", Integer.class)).isZero();

        commitPages(2 * AUTOMATIC_CHECKPOINT_PAGES);

        SqliteMaintenance.Progress progress = new SqliteMaintenance(jdbc).checkpoint();
        assertThat(progress.logFrames()).isGreaterThan(2 * AUTOMATIC_CHECKPOINT_PAGES);
        assertThat(progress.checkpointed()).isEqualTo(progress.logFrames());
    }

    @Test
    void aThreadOfItsOwnMovesTheLogIntoTheDatabaseFileEveryInterval() throws Exception {
        long before = Files.size(file);
        try (SqliteMaintenance maintenance = new SqliteMaintenance(jdbc).start(Duration.ofMillis(50), Duration.ofHours(1))) {
            commitPages(AUTOMATIC_CHECKPOINT_PAGES / 2);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.size(file) < before + AUTOMATIC_CHECKPOINT_PAGES / 2 * 4096L
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        assertThat(Files.size(file)).isGreaterThanOrEqualTo(before + AUTOMATIC_CHECKPOINT_PAGES / 2 * 4096L);
    }

    @Test
    void refreshesThePlannersStatisticsIndexByIndex() {
        jdbc.execute("CREATE TABLE labelled (label TEXT NOT NULL, seq INTEGER NOT NULL)");
        jdbc.execute("CREATE INDEX labelled_label ON labelled (label)");
        jdbc.execute("CREATE INDEX labelled_seq ON labelled (seq)");
        for (int i = 0; i < 100; i++) {
            jdbc.update("INSERT INTO labelled (label, seq) VALUES (?, ?)", "team-" + i % 7, i);
        }

        int analyzed = new SqliteMaintenance(jdbc).refreshStatistics();

        assertThat(analyzed).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT idx FROM sqlite_stat1", String.class))
                .containsExactlyInAnyOrder("labelled_label", "labelled_seq");
    }

    /** Commits at least this many 4 KB pages, ten to a commit, as a batch of audit records writes several. */
    private void commitPages(int pages) {
        for (int i = 0; i < pages; i += 10) {
            jdbc.update("INSERT INTO record (body) VALUES (randomblob(40000))");
        }
    }
}
