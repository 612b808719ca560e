package dev.ormadvisor.audit;

import dev.ormadvisor.AuditDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The first release's embedded SQLite file, copied and opened by this release. */
class SqliteUpgradeInPlaceTests extends UpgradeInPlaceContract {

    @DynamicPropertySource
    static void firstReleaseDatabase(DynamicPropertyRegistry registry) {
        Path copy = AuditDatabases.temporarySqliteFile();
        try {
            Files.copy(FIXTURES.resolve("audit.db"), copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("spring.datasource.url", () -> AuditDatabases.sqliteUrl(copy));
    }

    @Override
    List<String> firstReleaseIds() {
        return List.of("01a2338d-e00e-7ebb-8a3b-953153792110", "01a2338d-e067-7992-807f-63e9d75d07fa",
                "01a2338d-e08f-74c3-8807-44124da4964a", "01a2338d-e0c1-793b-a8ac-f610b12975b4");
    }
}
