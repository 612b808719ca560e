package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded store's planner statistics are refreshed index by index, each in a transaction of its own: one
 * ANALYZE of a whole large store held the write lock for over ten seconds, and the audit writer waited behind it.
 */
class SqliteMaintenanceTests {

    private HikariDataSource pool;
    private JdbcTemplate jdbc;

    @BeforeEach
    void openTheServicesPool() {
        pool = AuditDatabases.pool(AuditDatabases.sqliteUrl(AuditDatabases.temporarySqliteFile()));
        jdbc = new JdbcTemplate(pool);
    }

    @AfterEach
    void close() {
        pool.close();
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
}
