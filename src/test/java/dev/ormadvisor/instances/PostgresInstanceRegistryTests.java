package dev.ormadvisor.instances;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The instance registry on the production store, in a fresh PostgreSQL database (skipped only outside CI). */
class PostgresInstanceRegistryTests extends InstanceRegistryContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    HikariDataSource newPool() {
        return POSTGRES.newPool();
    }
}
