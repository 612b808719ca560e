package dev.ormadvisor.audit;

import dev.ormadvisor.audit.LogVerification.LogCheck;
import dev.ormadvisor.audit.LogVerification.Mismatch;
import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.CompactRange;
import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.SignedNote;
import dev.ormadvisor.transparency.VerifierKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes every log's tree from its stored records and checks it against the log's latest checkpoint, signed
 * by a key this instance trusts. Reads in pages: never a whole log in memory.
 */
public final class LogVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransparencyLogs logs;
    private final List<VerifierKey> trustedKeys;

    LogVerifier(JdbcTemplate jdbc, TransparencyLogs logs, List<VerifierKey> trustedKeys) {
        this.jdbc = jdbc;
        this.logs = logs;
        this.trustedKeys = List.copyOf(trustedKeys);
    }

    public LogVerification verify() {
        List<LogCheck> checks = new ArrayList<>();
        for (LogHead head : logs.logs()) {
            checks.add(check(head));
        }
        Long outside = jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation WHERE log_id IS NULL", Long.class);
        Mismatch outsideAnyLog = outside == null || outside == 0 ? null : new Mismatch(null, null, null, outside
                + " record(s) are in no log: written by an older release after the upgrade, or inserted directly");
        return LogVerification.of(checks, outsideAnyLog);
    }

    private LogCheck check(LogHead head) {
        Checkpoint checkpoint;
        try {
            SignedNote note = SignedNote.parse(head.checkpoint());
            if (trustedKeys.stream().noneMatch(note::signedBy)) {
                return failed(head, 0, null, null, "its latest checkpoint is not signed by a key this instance"
                        + " trusts (its own, or advisor.audit.trusted-keys)");
            }
            checkpoint = Checkpoint.parse(note.body());
        } catch (IllegalArgumentException malformed) {
            return failed(head, 0, null, null, "its latest checkpoint is malformed: " + malformed.getMessage());
        }
        if (!checkpoint.origin().equals(head.origin()) || checkpoint.size() != head.size()) {
            return failed(head, 0, null, null, "its signed checkpoint is for " + checkpoint.origin() + " at size "
                    + checkpoint.size() + ", but the log says " + head.origin() + " at size " + head.size());
        }
        CompactRange tree = CompactRange.empty();
        long next = 0;
        while (true) {
            List<LeafRecord> page = jdbc.query("SELECT " + TransparencyLogs.ENTRY_COLUMNS + ", log_index"
                    + " FROM audit_evaluation WHERE log_id = ? AND log_index >= ? ORDER BY log_index LIMIT ?",
                    (rs, row) -> new LeafRecord(rs.getLong("log_index"), TransparencyLogs.ENTRY.mapRow(rs, row)),
                    head.id(), next,
                    AuditLog.WALK_PAGE);
            Map<Long, byte[]> storedLeaves = storedLeaves(head.id(), next, AuditLog.WALK_PAGE);
            List<byte[]> leaves = new ArrayList<>(page.size());
            for (LeafRecord leafRecord : page) {
                long index = leafRecord.index();
                AuditEntry record = leafRecord.entry();
                if (index != next) {
                    return failed(head, next, next, null, next == head.size()
                            ? "record " + record.id() + " is at index " + index + ", beyond the signed size"
                            : "the record at index " + next + " is missing (the next stored one is at index "
                                    + index + ")");
                }
                if (index >= head.size()) {
                    return failed(head, next, index, record.id(), "the record is beyond the log's signed size "
                            + head.size() + ": it was added behind the service's back");
                }
                byte[] leaf = MerkleHash.leaf(AuditLeaf.bytes(record));
                if (!Arrays.equals(leaf, storedLeaves.get(index))) {
                    return failed(head, next, index, record.id(), "its stored fields do not hash to its leaf hash:"
                            + " the record was changed after it was written");
                }
                leaves.add(leaf);
                next++;
            }
            tree = tree.append(leaves).range();
            if (page.size() < AuditLog.WALK_PAGE) {
                break;
            }
        }
        if (next < head.size()) {
            return failed(head, next, next, null, "the record at index " + next + " is missing: the log's signed"
                    + " size is " + head.size() + " but its records end at index " + (next - 1));
        }
        if (!Arrays.equals(tree.root(), checkpoint.rootHash())) {
            return failed(head, next, null, null, "its records do not produce the root hash its checkpoint signed:"
                    + " a record was changed and the tree's stored hashes were recomputed to match");
        }
        return new LogCheck(head.id(), head.size(), next, true, null);
    }

    private Map<Long, byte[]> storedLeaves(String log, long from, int count) {
        Map<Long, byte[]> leaves = new HashMap<>();
        jdbc.query("SELECT tree_index, hash FROM audit_tree_node WHERE log_id = ? AND tree_level = 0"
                + " AND tree_index >= ? AND tree_index < ?", rs -> {
                    leaves.put(rs.getLong(1), HEX.parseHex(rs.getString(2)));
                }, log, from, from + count);
        return leaves;
    }

    private record LeafRecord(long index, AuditEntry entry) {
    }

    private static LogCheck failed(LogHead head, long checked, Long index, String id, String reason) {
        return new LogCheck(head.id(), head.size(), checked, false, new Mismatch(head.id(), index, id, reason));
    }
}
