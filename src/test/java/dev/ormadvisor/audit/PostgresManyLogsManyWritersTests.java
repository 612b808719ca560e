package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many writers on the production store: a fresh PostgreSQL database (skipped only outside CI). */
class PostgresManyLogsManyWritersTests extends ManyLogsManyWritersContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    HikariDataSource newPool() {
        return POSTGRES.newPool();
    }
}
