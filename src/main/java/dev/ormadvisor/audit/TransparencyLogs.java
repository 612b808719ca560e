package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.MerkleProofs;
import dev.ormadvisor.transparency.Receipt;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The audit logs as outside verifiers read them: heads, checkpoints, proofs, receipts and leaves. Any instance
 * answers for every log, from the database alone.
 */
public final class TransparencyLogs {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final RowMapper<LogHead> HEAD = (rs, row) -> new LogHead(rs.getString("id"),
            rs.getString("origin"), rs.getLong("tree_size"), rs.getString("checkpoint"));
    static final String ENTRY_COLUMNS =
            "seq, id, evaluated_at_us, label, choice, confidence, rules_version, duration_us, facts, answer";
    static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(rs.getLong("seq"), rs.getString("id"),
            rs.getLong("evaluated_at_us"), rs.getString("label"), rs.getString("choice"), rs.getString("confidence"),
            rs.getString("rules_version"), rs.getLong("duration_us"), rs.getString("facts"), rs.getString("answer"));

    private final JdbcTemplate jdbc;
    private final TreeNodes nodes;
    private final String ownVerifierKey;

    TransparencyLogs(JdbcTemplate jdbc, String ownVerifierKey) {
        this.jdbc = jdbc;
        this.nodes = new TreeNodes(jdbc);
        this.ownVerifierKey = ownVerifierKey;
    }

    public List<LogHead> logs() {
        return jdbc.query("SELECT id, origin, tree_size, checkpoint FROM audit_log ORDER BY id", HEAD);
    }

    public Optional<LogHead> log(String id) {
        return jdbc.query("SELECT id, origin, tree_size, checkpoint FROM audit_log WHERE id = ?", HEAD, id).stream()
                .findFirst();
    }

    /** This instance's key first, then every other key that signed a log's latest checkpoint. */
    public List<String> verifierKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of(ownVerifierKey));
        keys.addAll(jdbc.queryForList("SELECT DISTINCT verifier_key FROM audit_log ORDER BY verifier_key",
                String.class));
        return List.copyOf(keys);
    }

    /** Requires {@code index < size <= } the log's size. */
    public Proof.Inclusion inclusion(String log, long index, long size) {
        return new Proof.Inclusion(index, size, base64(nodes.read(log, hashes -> MerkleProofs.inclusion(index, size,
                hashes))));
    }

    /** Requires {@code from <= to <= } the log's size. */
    public Proof.Consistency consistency(String log, long from, long to) {
        return new Proof.Consistency(from, to, base64(nodes.read(log, hashes -> MerkleProofs.consistency(from, to,
                hashes))));
    }

    /**
     * The evaluation's receipt against the latest checkpoint of its log. The leaf hash is recomputed from the
     * record as stored now, so a record changed since it was written gets a receipt that does not verify.
     */
    public Optional<Receipt> receipt(String evaluationId) {
        return leafOf(evaluationId).map(leaf -> {
            LogHead head = log(leaf.log()).filter(found -> leaf.index() < found.size())
                    .orElseThrow(() -> new InconsistentLogException("Evaluation " + evaluationId + " is leaf "
                            + leaf.index() + " of log " + leaf.log() + ", beyond the log's signed checkpoint: the"
                            + " log was rewound or deleted behind the service's back."));
            List<String> proof = inclusion(leaf.log(), leaf.index(), head.size()).hashes();
            return new Receipt(head.id(), head.origin(), leaf.index(),
                    BASE64.encodeToString(MerkleHash.leaf(leaf.bytes())), head.checkpoint(), proof);
        });
    }

    /** The exact bytes the evaluation's leaf hash is computed from (see {@link AuditLeaf}). */
    public Optional<byte[]> leaf(String evaluationId) {
        return leafOf(evaluationId).map(Leaf::bytes);
    }

    private Optional<Leaf> leafOf(String evaluationId) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + ", log_id, log_index FROM audit_evaluation WHERE id = ?",
                (rs, row) -> new Leaf(rs.getString("log_id"), rs.getLong("log_index"),
                        AuditLeaf.bytes(ENTRY.mapRow(rs, row))), evaluationId).stream().findFirst();
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(BASE64::encodeToString).toList();
    }

    private record Leaf(String log, long index, byte[] bytes) {
    }
}
