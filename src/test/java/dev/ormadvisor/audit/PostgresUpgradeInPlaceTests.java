package dev.ormadvisor.audit;

import dev.ormadvisor.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The first release's PostgreSQL database, restored from its dump into a fresh database and opened by this one. */
@ActiveProfiles("postgres")
class PostgresUpgradeInPlaceTests extends UpgradeInPlaceContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @DynamicPropertySource
    static void firstReleaseDatabase(DynamicPropertyRegistry registry) {
        // Read when the context starts, after the extension has created the database.
        registry.add("spring.datasource.url", () -> {
            restoreDump();
            return POSTGRES.jdbcUrl();
        });
        registry.add("spring.datasource.username", POSTGRES::username);
        registry.add("spring.datasource.password", POSTGRES::password);
    }

    private static void restoreDump() {
        try (Connection connection = POSTGRES.connect(); Statement statement = connection.createStatement()) {
            ResultSet restored = statement.executeQuery("SELECT to_regclass('public.audit_evaluation') IS NOT NULL");
            restored.next();
            if (!restored.getBoolean(1)) {
                statement.execute(Files.readString(FIXTURES.resolve("postgres.sql")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot restore the first release's dump", e);
        }
    }

    @Override
    List<String> firstReleaseIds() {
        return List.of("01a2338e-12fe-7b4f-a3d8-85cbda871754", "01a2338e-137c-78dd-994c-abf9c6d40ff6",
                "01a2338e-13b3-7213-b368-a708f8ab34f1", "01a2338e-13e3-778e-a458-3efeda75475b");
    }
}
