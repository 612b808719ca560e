package dev.ormadvisor.audit;

import dev.ormadvisor.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The attacks on the production store, in a fresh PostgreSQL database (skipped only outside CI). */
@ActiveProfiles("postgres")
class PostgresAuditTamperTests extends AuditTamperContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        POSTGRES.registerAsDataSource(registry);
    }
}
