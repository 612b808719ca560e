package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit chain exactly as stored, read back with plain JDBC (no application code but the hash itself), so
 * that a test or a benchmark can check it on any database file the service left behind.
 */
public final class StoredChain {

    private final List<Row> rows;
    private final long headSeq;
    private final String headHash;

    private StoredChain(List<Row> rows, long headSeq, String headHash) {
        this.rows = rows;
        this.headSeq = headSeq;
        this.headHash = headHash;
    }

    public static StoredChain read(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("""
                    SELECT seq, id, evaluated_at_us, label, choice, confidence, rules_version, duration_us, facts,
                           answer, previous_hash, hash
                    FROM audit_evaluation ORDER BY seq""")) {
                while (result.next()) {
                    rows.add(new Row(new AuditEntry(result.getLong(1), result.getString(2), result.getLong(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getLong(8), result.getString(9), result.getString(10)), result.getString(11),
                            result.getString(12)));
                }
            }
            try (ResultSet head = statement.executeQuery(
                    "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")) {
                assertThat(head.next()).as("the chain head row").isTrue();
                return new StoredChain(rows, head.getLong(1), head.getString(2));
            }
        }
    }

    /** Every stored evaluation id, in chain order. */
    public List<String> ids() {
        return rows.stream().map(row -> row.entry().id()).toList();
    }

    public int length() {
        return rows.size();
    }

    /**
     * Seq runs 1..n without a gap, each record names its predecessor's hash, each hash is what the writer's own
     * {@link ChainHash} computes from the stored fields, and the head points at the last record.
     */
    public StoredChain assertIntact() {
        String previous = ChainHash.GENESIS;
        for (int index = 0; index < rows.size(); index++) {
            Row row = rows.get(index);
            assertThat(row.entry().seq()).as("seq of the record at position %d", index + 1).isEqualTo(index + 1);
            assertThat(row.previousHash()).as("previous_hash of seq %d", row.entry().seq()).isEqualTo(previous);
            assertThat(row.hash()).as("hash of seq %d recomputed from its fields", row.entry().seq())
                    .isEqualTo(ChainHash.of(previous, row.entry()));
            previous = row.hash();
        }
        assertThat(headSeq).as("chain head seq").isEqualTo(rows.size());
        assertThat(headHash).as("chain head hash").isEqualTo(previous);
        return this;
    }

    private record Row(AuditEntry entry, String previousHash, String hash) {
    }
}
