package dev.ormadvisor.audit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;

/**
 * Spring Boot's database check ({@code db}), answered within {@code timeout}. While the database is out of reach
 * the pool waits its whole connection timeout (30 s) for a connection; a probe with a 1 s timeout would then see a
 * hang, not the cause. Here the check runs on a thread of its own and a slow one reads DOWN at once. Probes that
 * come while a check is still waiting share it, so an outage never piles up threads.
 */
final class AuditDatabaseHealthIndicator implements HealthIndicator, AutoCloseable {

    private final HealthIndicator check;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-database-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> latest;

    AuditDatabaseHealthIndicator(DataSource dataSource, Duration timeout) {
        this.check = new DataSourceHealthIndicator(dataSource);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<Health> running = runningCheck();
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "the database did not answer within " + timeout).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private synchronized Future<Health> runningCheck() {
        if (latest == null || latest.isDone()) {
            latest = checker.submit((Callable<Health>) check::health);
        }
        return latest;
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
