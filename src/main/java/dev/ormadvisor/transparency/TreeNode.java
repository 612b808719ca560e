package dev.ormadvisor.transparency;

import java.util.Arrays;
import java.util.HexFormat;

/** A complete subtree: the {@link SubtreeHashes} address of {@code hash}. */
public record TreeNode(int level, long index, byte[] hash) {

    /** Levels above 62 would cover more leaves than a {@code long} counts. */
    static final int MAX_LEVEL = 62;

    public TreeNode {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("a tree level is from 0 to " + MAX_LEVEL + ", not " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >>> level)) {
            throw new IllegalArgumentException("no subtree at level " + level + " has index " + index);
        }
        hash = NoteSyntax.requireHash(hash, "a tree node's hash");
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    // Value semantics: a record compares and hashes its array components by identity.
    @Override
    public boolean equals(Object other) {
        return other instanceof TreeNode node && level == node.level && index == node.index
                && Arrays.equals(hash, node.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "TreeNode[level=" + level + ", index=" + index + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
