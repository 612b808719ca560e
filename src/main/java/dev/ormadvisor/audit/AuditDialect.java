package dev.ormadvisor.audit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What the two audit stores do differently: how a batch is written. */
enum AuditDialect {

    SQLITE {
        @Override
        LogBatch.Writer batchWriter(JdbcTemplate jdbc, TransactionTemplate transactions) {
            return new SqliteLogBatchWriter(jdbc, transactions);
        }
    },

    POSTGRESQL {
        @Override
        LogBatch.Writer batchWriter(JdbcTemplate jdbc, TransactionTemplate transactions) {
            return new PostgresLogBatchWriter(jdbc);
        }
    };

    abstract LogBatch.Writer batchWriter(JdbcTemplate jdbc, TransactionTemplate transactions);

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
