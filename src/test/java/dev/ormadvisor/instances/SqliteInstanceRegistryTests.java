package dev.ormadvisor.instances;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;

/** The instance registry on the embedded store: a SQLite file with the production settings. */
class SqliteInstanceRegistryTests extends InstanceRegistryContract {

    private static final String URL = AuditDatabases.sqliteUrl(AuditDatabases.temporarySqliteFile());

    @Override
    HikariDataSource newPool() {
        return AuditDatabases.pool(URL);
    }
}
