package dev.ormadvisor.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.AuditDatabases;

/**
 * Many writers on the embedded store: two processes may share one SQLite file (the busy timeout makes one wait
 * for the other's write lock), so the chain must survive that too. Replicas under load still belong on PostgreSQL:
 * see {@link #fewestTurnsBetweenInstances()}.
 */
class SqliteOneChainManyWritersTests extends OneChainManyWritersContract {

    private static final String URL = AuditDatabases.sqliteUrl(AuditDatabases.temporarySqliteFile());

    @Override
    HikariDataSource newPool() {
        return AuditDatabases.pool(URL);
    }

    /**
     * A waiting SQLite writer polls with a growing sleep, and the writer holding the lock starts its next
     * transaction at once: it keeps the chain until its own queue runs dry (measured: one instance committed all
     * its records, then the other all of its). Under steady load the waiter would reach the busy timeout.
     */
    @Override
    int fewestTurnsBetweenInstances() {
        return 1;
    }
}
