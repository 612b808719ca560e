package dev.ormadvisor.audit;

import dev.ormadvisor.AuditDatabases;
import java.nio.file.Path;
import java.util.List;

/** SIGTERM under load on the embedded store: a SQLite file of the test's own, with the production settings. */
class SqliteGracefulShutdownIT extends GracefulShutdownContract {

    @Override
    List<String> storeSettings(Path dataDir) {
        return List.of("--spring.datasource.url=" + AuditDatabases.sqliteUrl(dataDir.resolve("audit.db")));
    }
}
