package dev.ormadvisor;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database of its own for one test class (or one benchmark run), on the server at
 * 127.0.0.1:5432, dropped afterwards.
 *
 * <p>As a JUnit extension ({@code @RegisterExtension static final PostgresDatabase POSTGRES = new
 * PostgresDatabase();}) it skips the class when the server is unreachable on a developer's machine, but fails it
 * when the environment variable {@code CI} is set: there PostgreSQL is part of the build, and a silently skipped
 * store is exactly how a portability bug ships.
 */
public final class PostgresDatabase implements BeforeAllCallback {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MAINTENANCE_DATABASE = "test";
    private static final String USER = "postgres";
    private static final String PASSWORD = "";

    private final String server;
    private final String ciVariable;
    private final String name = "orm_advisor_test_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

    public PostgresDatabase() {
        this(SERVER, System.getenv("CI"));
    }

    /** For specifying the skip rule itself: another server address and another value of {@code CI}. */
    PostgresDatabase(String server, String ciVariable) {
        this.server = server;
        this.ciVariable = ciVariable;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server + name;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The command-line settings that run the packaged service on this database (the postgres profile). */
    public List<String> serviceSettings() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD);
    }

    /** Points a Spring test context at this database (with the postgres profile active on the class). */
    public void registerAsDataSource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", this::username);
        registry.add("spring.datasource.password", this::password);
    }

    /** A connection pool of its own on this database, as one more service instance would open; close it. */
    public HikariDataSource newPool() {
        HikariDataSource pool = AuditDatabases.pool(jdbcUrl());
        pool.setUsername(USER);
        pool.setPassword(PASSWORD);
        return pool;
    }

    /** Creates the database; {@link SQLException} when the server cannot be reached. */
    public void create() throws SQLException {
        try (Connection admin = connectToServer()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
    }

    /**
     * Drops the database, disconnecting whoever is still in it (a connection pool that outlived its test must
     * not leave databases behind on a shared server).
     */
    public void drop() throws SQLException {
        try (Connection admin = connectToServer()) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Work to do on a fresh database. */
    @FunctionalInterface
    public interface Use {
        void on(PostgresDatabase database) throws Exception;
    }

    /**
     * For benchmarks, which measure PostgreSQL when it is there and say so when it is not: runs {@code use} on a
     * fresh database and drops it afterwards.
     */
    public static void whenReachable(Use use) throws Exception {
        PostgresDatabase database = new PostgresDatabase();
        try {
            database.create();
        } catch (SQLException unreachable) {
            System.out.println("PostgreSQL not reachable at " + SERVER + ": skipped");
            return;
        }
        try {
            use.on(database);
        } finally {
            database.drop();
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            create();
        } catch (SQLException unreachable) {
            String reason = "PostgreSQL is not reachable at " + server + " (" + unreachable.getMessage() + ")";
            if (ciVariable != null && !ciVariable.isBlank()) {
                throw new IllegalStateException(reason + " and CI is set, so the PostgreSQL tests may not be "
                        + "skipped: start PostgreSQL (see .ci/run)", unreachable);
            }
            Assumptions.abort(reason + "; skipped outside CI");
        }
        // Closed once the class is done, after every afterAll callback (Spring's context closing included),
        // so the drop does not pull the database out from under a pool that is still open.
        context.getStore(ExtensionContext.Namespace.create(PostgresDatabase.class, name))
                .put("drop", (AutoCloseable) this::drop);
    }

    private Connection connectToServer() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        // A firewalled port would otherwise hang the build instead of skipping or failing it.
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(server + MAINTENANCE_DATABASE, properties);
    }
}
