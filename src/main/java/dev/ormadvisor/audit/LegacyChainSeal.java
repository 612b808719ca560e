package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.CompactRange;
import dev.ormadvisor.transparency.MerkleHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upgrade in place: the records the first release kept in one hash chain become the log {@value
 * LogIdentity#SEALED_CHAIN}, in chain order, with a checkpoint signed over them; nothing appends to it afterwards.
 * The chain is checked first, exactly as the first release checked it: sealing a chain that was already broken
 * would certify the damage, so start-up stops instead and says where it is broken.
 */
final class LegacyChainSeal {

    private static final Logger log = LoggerFactory.getLogger(LegacyChainSeal.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    LegacyChainSeal(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Seals the chain if there are records in no log; another instance sealing at the same time makes this a no-op. */
    void sealWith(LogIdentity chainLog) {
        Long unsealed = jdbc.queryForObject("SELECT COUNT(*) FROM audit_evaluation WHERE log_id IS NULL"
                + " AND hash IS NOT NULL", Long.class);
        if (unsealed == null || unsealed == 0) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            // The log's row first: a second instance sealing at once waits here, then finds it and stops.
            int claimed = jdbc.update("INSERT INTO audit_log (id, origin, verifier_key, tree_size, checkpoint)"
                    + " VALUES (?, ?, ?, 0, '') ON CONFLICT (id) DO NOTHING", chainLog.id(), chainLog.origin(),
                    chainLog.signer().verifierKey().encoded());
            if (claimed == 0) {
                return;
            }
            CompactRange tree = seal(chainLog.id());
            jdbc.update("UPDATE audit_log SET tree_size = ?, checkpoint = ? WHERE id = ?", tree.size(),
                    chainLog.signer().sign(new Checkpoint(chainLog.origin(), tree.size(), tree.root(), List.of())
                            .body()), chainLog.id());
            log.info("Sealed the {} records of the hash chain as audit log {} ({})", tree.size(), chainLog.id(),
                    chainLog.origin());
        });
    }

    private CompactRange seal(String logId) {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        String hash = ChainHash.GENESIS;
        long seq = 0;
        CompactRange tree = CompactRange.empty();
        TreeNodes nodes = new TreeNodes(jdbc);
        while (true) {
            List<ChainedRecord> page = jdbc.query("SELECT " + TransparencyLogs.ENTRY_COLUMNS + ", previous_hash, hash"
                    + " FROM audit_evaluation WHERE seq > ? AND log_id IS NULL ORDER BY seq LIMIT ?",
                    (rs, row) -> new ChainedRecord(TransparencyLogs.ENTRY.mapRow(rs, row),
                            rs.getString("previous_hash"), rs.getString("hash")), seq, AuditLog.WALK_PAGE);
            List<byte[]> leaves = new ArrayList<>(page.size());
            List<Object[]> placed = new ArrayList<>(page.size());
            for (ChainedRecord record : page) {
                AuditEntry entry = record.entry();
                if (entry.seq() != seq + 1 || !record.previousHash().equals(hash)
                        || !ChainHash.of(hash, entry).equals(record.hash())) {
                    throw new IllegalStateException("The hash chain of the first release is broken at seq "
                            + (seq + 1) + " (evaluation " + entry.id() + "): it is not sealed into a log, because"
                            + " that would certify the damage. Restore the audit database from a backup, or remove"
                            + " the damaged records knowingly, before upgrading.");
                }
                seq = entry.seq();
                hash = record.hash();
                leaves.add(MerkleHash.leaf(AuditLeaf.bytes(entry)));
                placed.add(new Object[] {logId, tree.size() + placed.size(), entry.seq()});
            }
            CompactRange.Appended appended = tree.append(leaves);
            nodes.insert(logId, appended.newNodes());
            jdbc.batchUpdate("UPDATE audit_evaluation SET log_id = ?, log_index = ? WHERE seq = ?", placed);
            tree = appended.range();
            if (page.size() < AuditLog.WALK_PAGE) {
                break;
            }
        }
        if (seq != headSeq || !hash.equals(head.get("last_hash"))) {
            throw new IllegalStateException("The hash chain of the first release ends at seq " + seq + ", but its"
                    + " head says seq " + headSeq + ": records are missing, so it is not sealed into a log.");
        }
        return tree;
    }

    private record ChainedRecord(AuditEntry entry, String previousHash, String hash) {
    }
}
