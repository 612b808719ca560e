package dev.ormadvisor.audit;

import dev.ormadvisor.audit.ChainVerification.BrokenLink;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Checks that the stored chain is exactly the one the writer built: no record changed, removed or reordered. */
public final class AuditChain {

    private static final RowMapper<Link> LINK = (rs, row) -> new Link(new AuditEntry(rs.getLong("seq"),
            rs.getString("id"), rs.getLong("evaluated_at_us"), rs.getString("label"), rs.getString("choice"),
            rs.getString("confidence"), rs.getString("rules_version"), rs.getLong("duration_us"),
            rs.getString("facts"), rs.getString("answer")), rs.getString("previous_hash"), rs.getString("hash"));

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Walks the chain in seq order, in pages, up to the head as it was when the walk began: records appended
     * meanwhile are not part of this walk, and every record up to that head was committed with it.
     */
    public ChainVerification verify() {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        String headHash = (String) head.get("last_hash");
        long lastSeq = 0;
        String lastHash = ChainHash.GENESIS;
        long checked = 0;
        while (true) {
            List<Link> page = jdbc.query("""
                    SELECT seq, id, evaluated_at_us, label, choice, confidence, rules_version, duration_us, facts,
                        answer, previous_hash, hash
                    FROM audit_evaluation WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?""",
                    LINK, lastSeq, headSeq, AuditLog.WALK_PAGE);
            for (Link link : page) {
                String broken = link.brokenAfter(lastSeq, lastHash);
                if (broken != null) {
                    return new ChainVerification(false, checked, new BrokenLink(link.entry().seq(),
                            link.entry().id(), broken));
                }
                checked++;
                lastSeq = link.entry().seq();
                lastHash = link.hash();
            }
            if (page.size() < AuditLog.WALK_PAGE) {
                break;
            }
        }
        if (lastSeq != headSeq) {
            return new ChainVerification(false, checked, new BrokenLink(headSeq, null, "the chain head says the last"
                    + " record is seq " + headSeq + ", but the log ends at seq " + lastSeq + ": records are missing"));
        }
        if (!lastHash.equals(headHash)) {
            return new ChainVerification(false, checked, new BrokenLink(headSeq, null,
                    "the chain head's hash is not the hash of the last record"));
        }
        return new ChainVerification(true, checked, null);
    }

    private record Link(AuditEntry entry, String previousHash, String hash) {

        /** Why this record does not continue the chain that ended at {@code seq}/{@code hash}, or {@code null}. */
        String brokenAfter(long seq, String hash) {
            if (entry.seq() != seq + 1) {
                String missing = entry.seq() == seq + 2 ? "record " + (seq + 1) + " is missing"
                        : "records " + (seq + 1) + " to " + (entry.seq() - 1) + " are missing";
                return missing + ": the log goes from seq " + seq + " to seq " + entry.seq();
            }
            if (!previousHash.equals(hash)) {
                return "its previous_hash is not the hash of record " + seq;
            }
            if (!ChainHash.of(previousHash, entry).equals(this.hash)) {
                return "its stored fields do not match its hash: the record was changed after it was written";
            }
            return null;
        }
    }
}
