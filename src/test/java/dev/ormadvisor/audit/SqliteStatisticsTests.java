package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;
import dev.ormadvisor.audit.SqliteStatistics.IndexAnalyzed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded store's planner statistics are refreshed index by index, each in a transaction of its own, with a
 * writer's turn after each: one ANALYZE of a whole large store held the write lock for over ten seconds, and so did
 * the indexes analyzed back to back, and the audit writer waited behind them.
 */
class SqliteStatisticsTests {

    private static final long ANY_SIZE = Long.MAX_VALUE;

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

        List<IndexAnalyzed> analyzed = new SqliteStatistics(jdbc, ANY_SIZE).refreshStatistics();

        assertThat(analyzed).extracting(IndexAnalyzed::index)
                .containsExactlyInAnyOrder("labelled_label", "labelled_seq");
        assertThat(jdbc.queryForList("SELECT idx FROM sqlite_stat1", String.class))
                .containsExactlyInAnyOrder("labelled_label", "labelled_seq");
    }

    @Test
    void aWriterWaitingForTheLockCommitsAfterEveryIndex() throws Exception {
        jdbc.execute("CREATE TABLE labelled (label TEXT NOT NULL, seq INTEGER NOT NULL)");
        for (String column : List.of("label", "seq", "label, seq", "seq, label")) {
            jdbc.execute("CREATE INDEX \"labelled " + column + "\" ON labelled (" + column + ")");
        }
        List<Long> commits = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        // The audit writer's pattern: a transaction after another, each started as soon as the last committed.
        Thread writer = new Thread(() -> {
            for (int seq = 0; writing.get(); seq++) {
                jdbc.update("INSERT INTO labelled (label, seq) VALUES (?, ?)", "team-" + seq % 7, seq);
                commits.add(System.nanoTime());
            }
        });
        writer.start();
        List<IndexAnalyzed> analyzed;
        try {
            analyzed = new SqliteStatistics(jdbc, ANY_SIZE).refreshStatistics();
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(analyzed).hasSize(4);
        for (int i = 1; i < analyzed.size(); i++) {
            long after = analyzed.get(i - 1).committedNanos();
            long before = analyzed.get(i).startedNanos();
            assertThat(commits).as("writer commits between %s and %s", analyzed.get(i - 1).index(),
                    analyzed.get(i).index()).anyMatch(at -> at > after && at < before);
        }
    }

    @Test
    void anIndexOfATablePastTheBoundKeepsTheStatisticsItHas() {
        for (String table : List.of("big", "small")) {
            jdbc.execute("CREATE TABLE " + table + " (label TEXT NOT NULL, seq INTEGER NOT NULL)");
            jdbc.execute("CREATE INDEX " + table + "_label ON " + table + " (label)");
        }
        insert("big", 0, 100);
        insert("small", 0, 10);
        SqliteStatistics statistics = new SqliteStatistics(jdbc, 50);
        assertThat(statistics.refreshStatistics()).as("never analyzed: both, whatever their size")
                .extracting(IndexAnalyzed::index).containsExactly("big_label", "small_label");
        String bigBefore = statisticsOf("big_label");
        String smallBefore = statisticsOf("small_label");

        insert("big", 100, 300);
        insert("small", 10, 30);

        assertThat(statistics.refreshStatistics()).extracting(IndexAnalyzed::index).containsExactly("small_label");
        assertThat(statisticsOf("big_label")).isEqualTo(bigBefore);
        assertThat(statisticsOf("small_label")).isNotEqualTo(smallBefore);
    }

    @Test
    void theKeyOfAWithoutRowidTableIsAnalyzedOnItsOwnThoughItHasNoIndexEntry() {
        // As the audit rows of which every evaluation adds many (statements, fired rules, tree nodes) are stored.
        jdbc.execute("CREATE TABLE keyed (label TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (label, seq))"
                + " WITHOUT ROWID");
        jdbc.execute("CREATE INDEX keyed_seq ON keyed (seq)");
        insert("keyed", 0, 100);
        SqliteStatistics statistics = new SqliteStatistics(jdbc, 50);

        assertThat(statistics.refreshStatistics()).as("each once, in a transaction of its own")
                .extracting(IndexAnalyzed::index).containsExactly("keyed_seq", "sqlite_autoindex_keyed_1");
        assertThat(statisticsOf("keyed")).as("the primary key's statistics, on 100 rows").startsWith("100 ");

        insert("keyed", 100, 200);
        assertThat(statistics.refreshStatistics()).as("taken on more rows than the bound: kept").isEmpty();
    }

    private void insert(String table, int from, int to) {
        for (int seq = from; seq < to; seq++) {
            jdbc.update("INSERT INTO " + table + " (label, seq) VALUES (?, ?)", "team-" + seq % 7, seq);
        }
    }

    private String statisticsOf(String index) {
        return jdbc.queryForObject("SELECT stat FROM sqlite_stat1 WHERE idx = ?", String.class, index);
    }
}
