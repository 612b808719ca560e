package dev.ormadvisor.audit;

import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The service's migrations, applied the way application.properties locates them, for tests without Spring. */
public final class AuditSchema {

    private AuditSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration",
                "classpath:db/vendor/" + AuditDialect.of(dataSource).name().toLowerCase(Locale.ROOT)).load().migrate();
    }
}
