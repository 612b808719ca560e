package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** The PostgreSQL tests may be skipped on a developer's machine, never in CI. */
class PostgresDatabaseTests {

    /** Nothing listens on port 1 of the loopback interface: the connection is refused at once. */
    private static final String NO_SERVER = "jdbc:postgresql://127.0.0.1:1/";

    @Test
    void anUnreachableServerSkipsTheTestClassOutsideCi() {
        PostgresDatabase database = new PostgresDatabase(NO_SERVER, null);

        assertThatThrownBy(() -> database.beforeAll(mock(ExtensionContext.class)))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("skipped outside CI");
    }

    @Test
    void anUnreachableServerFailsTheTestClassWhenCiIsSet() {
        PostgresDatabase database = new PostgresDatabase(NO_SERVER, "true");

        assertThatThrownBy(() -> database.beforeAll(mock(ExtensionContext.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI is set");
    }
}
