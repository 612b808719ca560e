package dev.ormadvisor.transparency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The right frontier of a tree: what an appender keeps in memory to extend it. Immutable.
 *
 * <p>The frontier of a tree of n leaves is its binary decomposition: one complete subtree per set bit of n,
 * largest (leftmost) first. Appending a leaf adds a level-0 node and merges it with its left neighbour while the
 * two have the same level, exactly like a carry in binary addition; each merge is a complete subtree that has
 * just received its last leaf.
 */
public final class CompactRange {

    private static final CompactRange EMPTY = new CompactRange(0, List.of());

    private final long size;
    private final List<TreeNode> frontier;

    private CompactRange(long size, List<TreeNode> frontier) {
        this.size = size;
        this.frontier = List.copyOf(frontier);
    }

    public static CompactRange empty() {
        return EMPTY;
    }

    /** Loads the frontier of a tree of {@code size} leaves: one {@code hash} call per set bit of size. */
    public static CompactRange of(long size, SubtreeHashes nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative, but got " + size);
        }
        List<TreeNode> frontier = new ArrayList<>();
        long start = 0;
        for (int level = TreeNode.MAX_LEVEL; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                long index = start >>> level;
                frontier.add(new TreeNode(level, index, nodes.hash(level, index)));
                start += 1L << level;
            }
        }
        return new CompactRange(size, frontier);
    }

    public long size() {
        return size;
    }

    /** MTH of the whole tree: the frontier hashed together from the right; the empty root for size 0. */
    public byte[] root() {
        if (frontier.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = frontier.get(frontier.size() - 1).hash();
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(frontier.get(i).hash(), root);
        }
        return root;
    }

    /** Largest subtree first. */
    public List<TreeNode> frontier() {
        return frontier;
    }

    /** A new range with these leaves after this one's, and every complete node they created, in creation order. */
    public Appended append(List<byte[]> leafHashes) {
        List<TreeNode> grown = new ArrayList<>(frontier);
        List<TreeNode> created = new ArrayList<>();
        long next = size;
        for (byte[] leafHash : leafHashes) {
            TreeNode node = new TreeNode(0, next, leafHash);
            created.add(node);
            while (!grown.isEmpty() && grown.get(grown.size() - 1).level() == node.level()) {
                TreeNode left = grown.remove(grown.size() - 1);
                node = new TreeNode(node.level() + 1, left.index() >>> 1, MerkleHash.node(left.hash(), node.hash()));
                created.add(node);
            }
            grown.add(node);
            next++;
        }
        return new Appended(new CompactRange(next, grown), created, this);
    }

    @Override
    public String toString() {
        return "CompactRange[size=" + size + ", frontier=" + frontier + "]";
    }

    /**
     * What {@link #append} made: the grown {@code range}, the {@code newNodes} it created (level 0 leaves
     * included) in creation order, and the range it grew from ({@code previous}).
     */
    public record Appended(CompactRange range, List<TreeNode> newNodes, CompactRange previous) {

        public Appended {
            newNodes = List.copyOf(newNodes);
        }

        /**
         * The complete subtrees of the grown tree that this append knows: the previous frontier and the new nodes.
         * They answer {@link MerkleProofs#inclusion} for every appended leaf (index at least
         * {@code previous.size()}) in the grown tree, and {@link MerkleProofs#consistency} from the previous size,
         * before any of it is stored. Why, for inclusion: a complete node either
         * has a leaf at or after {@code previous.size()}, and was then created by this append (a node is created
         * when its last leaf arrives), or lies wholly before it. A proof for an appended leaf asks for nodes
         * before that leaf only as left siblings of the leaf's ancestors; such a sibling lies before
         * {@code previous.size()} while its parent does not, which makes it a maximal complete subtree of the
         * previous tree, that is, a node of the previous frontier. Asking for any other node throws
         * {@link IllegalStateException}.
         */
        public SubtreeHashes subtreeHashes() {
            Map<Position, byte[]> known = new HashMap<>();
            for (List<TreeNode> nodes : List.of(previous.frontier(), newNodes)) {
                nodes.forEach(node -> known.put(new Position(node.level(), node.index()), node.hash()));
            }
            return (level, index) -> {
                byte[] hash = known.get(new Position(level, index));
                if (hash == null) {
                    throw new IllegalStateException("the subtree at level " + level + ", index " + index
                            + " is neither on the frontier of the " + previous.size()
                            + "-leaf tree nor among the nodes appended to it");
                }
                return hash.clone();
            };
        }
    }

    private record Position(int level, long index) {
    }
}
