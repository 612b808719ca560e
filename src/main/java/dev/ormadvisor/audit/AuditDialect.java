package dev.ormadvisor.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the two audit stores do differently: how an append gets its {@code seq} numbers. */
enum AuditDialect {

    /**
     * One instance writes an SQLite file, and a transaction holds the database's write lock from its first write:
     * the next numbers follow the largest one, read under that lock.
     */
    SQLITE {
        @Override
        List<Long> nextSeqs(JdbcTemplate jdbc, int count) {
            Long last = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_evaluation", Long.class);
            return LongStream.rangeClosed(last + 1, last + count).boxed().toList();
        }
    },

    /** Replicas append at once: a sequence hands each its numbers without a lock that outlives the call. */
    POSTGRESQL {
        @Override
        List<Long> nextSeqs(JdbcTemplate jdbc, int count) {
            return jdbc.queryForList("SELECT nextval('audit_evaluation_seq') FROM generate_series(1, ?)", Long.class,
                    count).stream().sorted().toList();
        }
    };

    /** {@code count} unused seq numbers, ascending; called inside the append's transaction. */
    abstract List<Long> nextSeqs(JdbcTemplate jdbc, int count);

    static AuditDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the audit database", e);
        }
    }

    static AuditDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("The audit trail runs on SQLite or PostgreSQL, not on " + jdbcUrl);
    }
}
