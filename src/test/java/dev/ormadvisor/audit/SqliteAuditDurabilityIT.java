package dev.ormadvisor.audit;

import dev.ormadvisor.AuditDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** kill -9 durability of the embedded store: a SQLite file of the test's own, with the production settings. */
class SqliteAuditDurabilityIT extends AuditDurabilityContract {

    @Override
    List<String> storeSettings(Path dataDir) {
        return List.of("--spring.datasource.url=" + url(dataDir));
    }

    @Override
    Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection(url(dataDir));
    }

    private static String url(Path dataDir) {
        return AuditDatabases.sqliteUrl(dataDir.resolve("audit.db"));
    }
}
