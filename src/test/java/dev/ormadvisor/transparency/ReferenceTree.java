package dev.ormadvisor.transparency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An in-memory tree whose every value is computed by the RFC 9162 section 2.1 definitions, transcribed literally
 * (MTH, PATH, PROOF over lists), so tests compare the implementation with the specification rather than with
 * itself. As {@link SubtreeHashes} it refuses any subtree that is not complete.
 */
final class ReferenceTree implements SubtreeHashes {

    private final List<byte[]> leafHashes;

    ReferenceTree(List<byte[]> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
    }

    /** Leaves whose data are "leaf 0", "leaf 1", ...: distinct, so a proof for one leaf fits no other. */
    static ReferenceTree ofSize(int size) {
        return new ReferenceTree(IntStream.range(0, size)
                .mapToObj(i -> MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8))).toList());
    }

    byte[] leafHash(int index) {
        return leafHashes.get(index);
    }

    List<byte[]> leafHashes() {
        return leafHashes;
    }

    @Override
    public byte[] hash(int level, long index) {
        long start = index << level;
        long end = start + (1L << level);
        if (level < 0 || index < 0 || end > leafHashes.size()) {
            throw new AssertionError("asked for the subtree at level " + level + ", index " + index
                    + ", which is not complete in a tree of " + leafHashes.size() + " leaves");
        }
        return mth(leafHashes.subList((int) start, (int) end));
    }

    /** The root of the first {@code size} leaves. */
    byte[] root(int size) {
        return mth(leafHashes.subList(0, size));
    }

    List<byte[]> path(int m, int size) {
        return path(m, leafHashes.subList(0, size));
    }

    List<byte[]> proof(int m, int size) {
        return m == 0 || m == size ? List.of() : subproof(m, leafHashes.subList(0, size), true);
    }

    /** MTH(D[n]), over leaf hashes. */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHash.node(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, n)));
        } else {
            path.addAll(path(m - k, d.subList(k, n)));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    /** SUBPROOF(m, D[n], b). */
    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(d));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
