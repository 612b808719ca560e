package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.NoteSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills one log of a migrated audit store the way the service writes it, only faster: {@link AuditStore#append} in
 * big batches straight from the calling thread, no group-commit writer and no HTTP in between. Each batch is the
 * service's own transaction: records, statement keys, fired rules, new tree nodes and the signed checkpoint, so
 * the store is exactly what the service would have left after that many answers.
 */
final class BulkAppender {

    private final AuditStore store;

    BulkAppender(DataSource dataSource, String logId, NoteSigner signer) {
        this.store = new AuditStore(new JdbcTemplate(dataSource),
                new TransactionTemplate(new JdbcTransactionManager(dataSource)), JsonMapper.builder().build(),
                AuditDialect.of(dataSource), LogIdentity.of(logId, "bench.example/audit", signer));
    }

    /**
     * Appends {@code count} records, {@code batch} per transaction; {@code record} makes the n-th one (counting
     * from 1 over the whole fill).
     */
    void append(long count, int batch, LongFunction<PendingAppend> record) {
        List<PendingAppend> pending = new ArrayList<>(batch);
        for (long n = 1; n <= count; n++) {
            pending.add(record.apply(n));
            if (pending.size() == batch || n == count) {
                store.append(pending);
                pending.clear();
            }
        }
    }
}
