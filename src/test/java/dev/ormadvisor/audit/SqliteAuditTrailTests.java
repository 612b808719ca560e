package dev.ormadvisor.audit;

import dev.ormadvisor.AuditDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit trail contract on the embedded store: a SQLite file with the production settings. */
class SqliteAuditTrailTests extends AuditTrailContract {

    private static final String URL = AuditDatabases.sqliteUrl(AuditDatabases.temporarySqliteFile());

    @DynamicPropertySource
    static void sqlite(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }
}
