package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.SubtreeHashes;
import dev.ormadvisor.transparency.TreeNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored complete subtrees of every log (table {@code audit_tree_node}), hashes as hex. */
final class TreeNodes {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] UNREAD = new byte[32];

    private final JdbcTemplate jdbc;

    TreeNodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String logId, List<TreeNode> nodes) {
        jdbc.batchUpdate("INSERT INTO audit_tree_node (log_id, tree_level, tree_index, hash) VALUES (?, ?, ?, ?)",
                nodes.stream().map(node -> new Object[] {logId, node.level(), node.index(), stored(node.hash())})
                        .toList());
    }

    /** A node's hash as its {@code hash} column holds it. */
    static String stored(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /**
     * Runs {@code computation} over the stored nodes of one log, reading every node it needs in one query. The
     * Merkle computations ask for the same nodes whatever their hashes are, so a first run with placeholder
     * hashes tells which nodes to read, and the second run gets the real ones: a proof in a tree of millions of
     * leaves costs one round trip, not one per node.
     */
    <T> T read(String logId, Function<SubtreeHashes, T> computation) {
        Set<Position> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Position(level, index));
            return UNREAD;
        });
        Map<Position, byte[]> stored = fetch(logId, wanted);
        return computation.apply((level, index) -> {
            byte[] hash = stored.get(new Position(level, index));
            if (hash == null) {
                throw new MissingNodeException(logId, level, index);
            }
            return hash;
        });
    }

    private Map<Position, byte[]> fetch(String logId, Set<Position> positions) {
        Map<Position, byte[]> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (Position position : positions) {
            // The whole key in every term: both databases then answer each term with a primary-key lookup, even
            // SQLite before it has statistics (with log_id outside, it scanned the log's nodes).
            conditions.add("(log_id = ? AND tree_level = ? AND tree_index = ?)");
            args.add(logId);
            args.add(position.level());
            args.add(position.index());
        }
        jdbc.query("SELECT tree_level, tree_index, hash FROM audit_tree_node WHERE "
                + String.join(" OR ", conditions), rs -> {
                    found.put(new Position(rs.getInt(1), rs.getLong(2)), HEX.parseHex(rs.getString(3)));
                }, args.toArray());
        return found;
    }

    private record Position(int level, long index) {
    }

    /** A node the log's tree needs is not stored: rows were deleted, or the tree and its size disagree. */
    static final class MissingNodeException extends InconsistentLogException {

        MissingNodeException(String logId, int level, long index) {
            super("log " + logId + " has no stored node at level " + level + ", index " + index);
        }
    }
}
