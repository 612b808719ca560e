package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;

/**
 * Many writers on the embedded store: two processes may share one SQLite file (the busy timeout makes one wait
 * for the other's write lock), so the logs must survive that too. Replicas under load belong on PostgreSQL: SQLite
 * has one write lock for the whole file.
 */
class SqliteManyLogsManyWritersTests extends ManyLogsManyWritersContract {

    private static final String URL = AuditDatabases.sqliteUrl(AuditDatabases.temporarySqliteFile());

    @Override
    HikariDataSource newPool() {
        return AuditDatabases.pool(URL);
    }
}
