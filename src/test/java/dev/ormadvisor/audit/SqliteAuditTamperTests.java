package dev.ormadvisor.audit;

import dev.ormadvisor.AuditDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The attacks on the embedded store: a SQLite file with the production settings. */
class SqliteAuditTamperTests extends AuditTamperContract {

    private static final String URL = AuditDatabases.sqliteUrl(AuditDatabases.temporarySqliteFile());

    @DynamicPropertySource
    static void sqlite(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }
}
