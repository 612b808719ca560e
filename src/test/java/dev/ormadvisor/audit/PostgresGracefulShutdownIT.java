package dev.ormadvisor.audit;

import dev.ormadvisor.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SIGTERM under load on the production store, in a fresh PostgreSQL database (skipped only outside CI). */
class PostgresGracefulShutdownIT extends GracefulShutdownContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    List<String> storeSettings(Path dataDir) {
        return POSTGRES.serviceSettings();
    }
}
