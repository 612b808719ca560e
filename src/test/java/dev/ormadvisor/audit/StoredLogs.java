package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.MerkleProofs;
import dev.ormadvisor.transparency.SignedNote;
import dev.ormadvisor.transparency.VerifierKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit logs exactly as stored, read back with plain JDBC and recomputed from the records with nothing of the
 * service's but the leaf format, so that a test or a benchmark can check them on any database the service left
 * behind.
 */
public final class StoredLogs {

    private final List<String> idsBySeq;
    private final Map<String, StoredLog> logs;

    private StoredLogs(List<String> idsBySeq, Map<String, StoredLog> logs) {
        this.idsBySeq = idsBySeq;
        this.logs = logs;
    }

    public static StoredLogs read(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        Map<String, StoredLog> logs = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT id FROM audit_evaluation ORDER BY seq")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT id, origin, verifier_key, tree_size, checkpoint FROM audit_log ORDER BY id")) {
                while (rows.next()) {
                    logs.put(rows.getString(1), new StoredLog(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4), rows.getString(5), new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>()));
                }
            }
        }
        for (StoredLog log : logs.values()) {
            try (PreparedStatement records = connection.prepareStatement("""
                    SELECT e.seq, e.id, e.evaluated_at_us, e.label, e.choice, e.confidence, e.rules_version,
                           e.duration_us, e.facts, e.answer, e.log_index, n.hash
                    FROM audit_evaluation e LEFT JOIN audit_tree_node n
                      ON n.log_id = e.log_id AND n.tree_level = 0 AND n.tree_index = e.log_index
                    WHERE e.log_id = ? ORDER BY e.log_index""")) {
                records.setString(1, log.id());
                try (ResultSet rows = records.executeQuery()) {
                    while (rows.next()) {
                        AuditEntry entry = new AuditEntry(rows.getLong(1), rows.getString(2), rows.getLong(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getLong(8), rows.getString(9), rows.getString(10));
                        log.indexes().add(rows.getLong(11));
                        log.leaves().add(MerkleHash.leaf(AuditLeaf.bytes(entry)));
                        log.storedLeaves().add(rows.getString(12));
                    }
                }
            }
        }
        return new StoredLogs(List.copyOf(ids), logs);
    }

    /** Every stored evaluation id, in seq order. */
    public List<String> ids() {
        return idsBySeq;
    }

    public int length() {
        return idsBySeq.size();
    }

    public List<String> logIds() {
        return List.copyOf(logs.keySet());
    }

    public long size(String log) {
        return logs.get(log).size();
    }

    /**
     * Every record is in a log; each log's indexes run 0..size-1 without a gap; every record hashes to its stored
     * leaf; and the tree of those leaves has the root that the log's latest checkpoint signed with the log's key.
     */
    public StoredLogs assertIntact() {
        long inLogs = logs.values().stream().mapToLong(log -> log.indexes().size()).sum();
        assertThat(inLogs).as("records in a log").isEqualTo(idsBySeq.size());
        logs.values().forEach(StoredLog::assertIntact);
        return this;
    }

    private record StoredLog(String id, String origin, String verifierKey, long size, String checkpoint,
            List<Long> indexes, List<byte[]> leaves, List<String> storedLeaves) {

        void assertIntact() {
            for (int index = 0; index < indexes.size(); index++) {
                assertThat(indexes.get(index)).as("index of the %d. record of log %s", index + 1, id).isEqualTo(index);
                assertThat(storedLeaves.get(index)).as("stored leaf %d of log %s", index, id)
                        .isEqualTo(HexFormat.of().formatHex(leaves.get(index)));
            }
            assertThat((long) indexes.size()).as("records of log %s", id).isEqualTo(size);
            SignedNote note = SignedNote.parse(checkpoint);
            assertThat(note.signedBy(VerifierKey.parse(verifierKey))).as("checkpoint of %s signed", id).isTrue();
            Checkpoint signed = Checkpoint.parse(note.body());
            assertThat(signed.origin()).isEqualTo(origin);
            assertThat(signed.size()).isEqualTo(size);
            assertThat(MerkleProofs.root(size, (level, index) -> subtree(level, index)))
                    .as("root of log %s recomputed from its records", id).isEqualTo(signed.rootHash());
        }

        private byte[] subtree(int level, long index) {
            if (level == 0) {
                return leaves.get((int) index);
            }
            return MerkleHash.node(subtree(level - 1, 2 * index), subtree(level - 1, 2 * index + 1));
        }
    }
}
