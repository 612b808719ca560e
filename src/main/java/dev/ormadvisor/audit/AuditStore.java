package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.CompactRange;
import dev.ormadvisor.transparency.MerkleProofs;
import dev.ormadvisor.transparency.Receipt;
import dev.ormadvisor.transparency.SignedNote;
import dev.ormadvisor.transparency.SubtreeHashes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends batches of evaluations to this instance's log: each record a leaf, each batch one transaction that also
 * stores the new subtrees and the checkpoint signed over the new tree. Only the writer thread calls {@link #append}.
 */
final class AuditStore {

    private static final Logger log = LoggerFactory.getLogger(AuditStore.class);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final LogBatch.Writer writer;
    private final LogIdentity identity;
    private final TreeNodes nodes;
    private final Set<String> snapshotted = ConcurrentHashMap.newKeySet();
    /** The committed tree: replaced only after a batch has committed. */
    private CompactRange tree;

    AuditStore(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, AuditDialect dialect,
            LogIdentity identity) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.writer = dialect.batchWriter(jdbc, transactions);
        this.identity = identity;
        this.nodes = new TreeNodes(jdbc);
        this.tree = open();
    }

    /**
     * Creates the log at size 0, or continues it where it ends, after checking that its stored tree is the one its
     * latest checkpoint signed: never extend a tree that was changed behind the log's back.
     */
    private CompactRange open() {
        String verifierKey = identity.signer().verifierKey().encoded();
        transactions.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO audit_log (id, origin, verifier_key, tree_size, checkpoint) VALUES (?, ?, ?, 0, ?)
                ON CONFLICT (id) DO NOTHING""", identity.id(), identity.origin(), verifierKey,
                signedCheckpoint(CompactRange.empty())));
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT origin, verifier_key, tree_size, checkpoint FROM audit_log WHERE id = ?", identity.id());
        long size = ((Number) row.get("tree_size")).longValue();
        Checkpoint latest = Checkpoint.parse(SignedNote.parse((String) row.get("checkpoint")).body());
        CompactRange stored = nodes.read(identity.id(), hashes -> CompactRange.of(size, hashes));
        if (!row.get("origin").equals(identity.origin()) || latest.size() != size
                || !Arrays.equals(latest.rootHash(), stored.root())) {
            throw new IllegalStateException("Audit log " + identity.id() + " does not match its latest signed"
                    + " checkpoint (origin " + row.get("origin") + ", size " + size + "): it was changed outside the"
                    + " service. Appending to it would hide that; check it with GET /api/v1/audit/verify.");
        }
        if (!row.get("verifier_key").equals(verifierKey)) {
            log.warn("Audit log {} was signed with {} and is now signed with {}: auditors following it need the new"
                    + " verifier key", identity.id(), row.get("verifier_key"), verifierKey);
        }
        log.info("Audit log {} ({}) continues at size {}, checkpoints signed by {}", identity.id(), identity.origin(),
                size, verifierKey);
        return stored;
    }

    /**
     * Appends the batch after the end of the log; all or nothing. The receipts are in the batch's order. When the
     * log no longer ends where this process left it (a commit whose acknowledgement was lost, a database restored
     * from a backup), the log is read again as it stands and the batch appended there, once.
     */
    List<Receipt> append(List<PendingAppend> batch) {
        try {
            return appendAfter(tree, batch);
        } catch (ConcurrentLogWriteException moved) {
            log.warn("{}; continuing the log where it now ends", moved.getMessage());
            tree = open();
            return appendAfter(tree, batch);
        } catch (RuntimeException failed) {
            tree = reopenedOr(tree);
            throw failed;
        }
    }

    private List<Receipt> appendAfter(CompactRange before, List<PendingAppend> batch) {
        List<byte[]> leafHashes = batch.stream().map(PendingAppend::leafHash).toList();
        CompactRange.Appended appended = before.append(leafHashes);
        String checkpoint = signedCheckpoint(appended.range());
        List<LogBatch.FirstServed> newRuleSets = newRuleSets(batch);
        // The log's own row, and only this instance's: no other instance waits for it.
        if (!writer.write(new LogBatch(identity.id(), before.size(), appended.range().size(), checkpoint,
                identity.signer().verifierKey().encoded(), batch, appended.newNodes(), newRuleSets))) {
            throw new ConcurrentLogWriteException(identity.id(), before.size());
        }
        tree = appended.range();
        newRuleSets.forEach(ruleSet -> snapshotted.add(ruleSet.version()));
        return receipts(before.size(), leafHashes, appended, checkpoint);
    }

    /** The rule set versions this process has not stored yet, each with the first record answered with it. */
    private List<LogBatch.FirstServed> newRuleSets(List<PendingAppend> batch) {
        Map<String, LogBatch.FirstServed> firstServed = new LinkedHashMap<>();
        for (PendingAppend pending : batch) {
            String version = pending.entry().rulesVersion();
            if (!snapshotted.contains(version) && !firstServed.containsKey(version)) {
                firstServed.put(version, new LogBatch.FirstServed(version, pending.entry().evaluatedAtMicros(),
                        json.writeValueAsString(pending.rules().files())));
            }
        }
        return List.copyOf(firstServed.values());
    }

    /**
     * After a failed batch: a commit whose acknowledgement was lost may have landed, so the next batch starts from
     * the log as stored when it can be read, and from where it was when the database is out of reach.
     */
    private CompactRange reopenedOr(CompactRange before) {
        try {
            return open();
        } catch (RuntimeException unavailable) {
            return before;
        }
    }

    /** Every new leaf's proof comes from the batch's own nodes and the frontier before it: no read needed. */
    private List<Receipt> receipts(long firstIndex, List<byte[]> leafHashes, CompactRange.Appended appended,
            String checkpoint) {
        SubtreeHashes known = appended.subtreeHashes();
        long size = appended.range().size();
        List<Receipt> receipts = new ArrayList<>(leafHashes.size());
        for (int i = 0; i < leafHashes.size(); i++) {
            long index = firstIndex + i;
            receipts.add(new Receipt(identity.id(), identity.origin(), index, BASE64.encodeToString(leafHashes.get(i)),
                    checkpoint, MerkleProofs.inclusion(index, size, known).stream().map(BASE64::encodeToString)
                            .toList()));
        }
        return receipts;
    }

    private String signedCheckpoint(CompactRange range) {
        return identity.signer().sign(new Checkpoint(identity.origin(), range.size(), range.root(), List.of()).body());
    }

    /**
     * The log does not end where this process left it: another process appended under the same log id (set
     * advisor.audit.log-id or advisor.instance.id apart), or the database was restored from a backup.
     */
    static final class ConcurrentLogWriteException extends IllegalStateException {

        ConcurrentLogWriteException(String logId, long expectedSize) {
            super("audit log " + logId + " is no longer at size " + expectedSize + ": another process appended"
                    + " under the same log id, or the database was restored");
        }
    }
}
