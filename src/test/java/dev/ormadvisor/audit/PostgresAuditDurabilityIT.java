package dev.ormadvisor.audit;

import dev.ormadvisor.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kill -9 durability of the production store, in a fresh PostgreSQL database (skipped only outside CI). */
class PostgresAuditDurabilityIT extends AuditDurabilityContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    List<String> storeSettings(Path dataDir) {
        return POSTGRES.serviceSettings();
    }

    @Override
    Connection connect(Path dataDir) throws SQLException {
        return POSTGRES.connect();
    }
}
