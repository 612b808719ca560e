package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

class AuditDatabaseHealthIndicatorTests {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void aDatabaseThatAnswersIsUp() {
        try (HikariDataSource pool = AuditDatabases.pool(AuditDatabases.sqliteUrl(
                AuditDatabases.temporarySqliteFile()));
                // The first connection loads SQLite's native library: seconds on a busy machine.
                AuditDatabaseHealthIndicator health = new AuditDatabaseHealthIndicator(pool, Duration.ofSeconds(30))) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithinTheTimeoutAndProbesMeanwhileShareOneCheck() throws Exception {
        HangingDatabase database = new HangingDatabase();
        try (AuditDatabaseHealthIndicator health = new AuditDatabaseHealthIndicator(database, TIMEOUT)) {
            long asked = System.nanoTime();
            Health first = health.health();
            Health second = health.health();

            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(TIMEOUT.multipliedBy(2).plusSeconds(1));
            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails()).containsEntry("error", "the database did not answer within " + TIMEOUT);
            assertThat(second.getStatus()).isEqualTo(Status.DOWN);
            assertThat(database.attempts).as("connection attempts").hasValue(1);

            database.refuse.countDown();
            Health refused = health.health();
            assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
            assertThat(refused.getDetails().get("error").toString()).as("the failure, not the timeout")
                    .doesNotContain("did not answer");
        }
    }

    /** Waits for a connection (as a pool does while the server is down) until told to refuse it. */
    private static final class HangingDatabase extends AbstractDataSource {

        private final CountDownLatch refuse = new CountDownLatch(1);
        private final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            try {
                refuse.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("connection refused");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
