package dev.ormadvisor.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Roots, inclusion proofs and consistency proofs of an RFC 9162 (section 2.1) Merkle tree whose complete subtrees
 * come from {@link SubtreeHashes}.
 *
 * <p>Generation follows the RFC's recursive definitions, which split a range of n leaves at the largest power of
 * two smaller than n. Every range that recursion reaches starts at a multiple of that power, so a range whose
 * width is a power of two is a complete aligned subtree and costs one {@code hash} call; any other range is
 * hashed from its binary decomposition. Only one range per proof can be incomplete (the one beside the point
 * where the path leaves the tree's right edge; everything below it is complete), so a proof costs O(log n)
 * calls.
 *
 * <p>Verification takes what an untrusted log sent: it answers {@code false}, never throws, for sizes, hashes or
 * proofs that cannot be right.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH over the first {@code size} leaves; the empty root for size 0. */
    public static byte[] root(long size, SubtreeHashes nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative, but got " + size);
        }
        return size == 0 ? MerkleHash.emptyRoot() : rangeHash(0, size, nodes);
    }

    /** RFC 9162 section 2.1.3.1 PATH(index, D[size]): sibling hashes from the leaf up. */
    public static List<byte[]> inclusion(long index, long size, SubtreeHashes nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of " + size + " leaves"
                    + (index < 0 ? "" : " (indexes start at 0)"));
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, nodes, proof);
        return Collections.unmodifiableList(proof);
    }

    /**
     * RFC 9162 section 2.1.4.1 PROOF(from, D[to]). Empty when {@code from == to} (equal roots prove it) or
     * {@code from == 0} (every tree extends the empty one).
     */
    public static List<byte[]> consistency(long from, long to, SubtreeHashes nodes) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("a tree of " + from + " leaves cannot grow into one of " + to);
        }
        if (from == 0 || from == to) {
            return List.of();
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(from, 0, to, true, nodes, proof);
        return Collections.unmodifiableList(proof);
    }

    /** RFC 9162 section 2.1.3.2: does {@code proof} place {@code leafHash} at {@code index} under {@code root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if (isOdd(fn) || fn == sn) {
                r = MerkleHash.node(p, r);
                // A left child with no right sibling at this level: it moves up unchanged.
                while (!isOdd(fn) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: is the tree of {@code to} leaves with {@code toRoot} an extension of the tree of
     * {@code from} leaves with {@code fromRoot}? Equal sizes need equal roots and an empty proof; size 0 needs the
     * empty root and an empty proof.
     */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || from > to || !isHash(fromRoot) || !isHash(toRoot) || !allHashes(proof)) {
            return false;
        }
        if (from == 0) {
            return proof.isEmpty() && Arrays.equals(fromRoot, MerkleHash.emptyRoot())
                    && (to > 0 || Arrays.equals(toRoot, fromRoot));
        }
        if (from == to) {
            return proof.isEmpty() && Arrays.equals(fromRoot, toRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        // The old tree is then a complete subtree of the new one, and the proof leaves out the root it already has.
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        long fn = from - 1;
        long sn = to - 1;
        while (isOdd(fn)) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if (isOdd(fn) || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while (!isOdd(fn) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, fromRoot) && Arrays.equals(sr, toRoot);
    }

    /** MTH(D[start:end]) for a range the RFC's recursion reaches: {@code start} is a multiple of its split. */
    private static byte[] rangeHash(long start, long end, SubtreeHashes nodes) {
        long width = end - start;
        if (Long.bitCount(width) == 1) {
            int level = Long.numberOfTrailingZeros(width);
            return nodes.hash(level, start >>> level);
        }
        long k = split(width);
        return MerkleHash.node(rangeHash(start, start + k, nodes), rangeHash(start + k, end, nodes));
    }

    private static void path(long m, long start, long end, SubtreeHashes nodes, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, start, start + k, nodes, proof);
            proof.add(rangeHash(start + k, end, nodes));
        } else {
            path(m - k, start + k, end, nodes, proof);
            proof.add(rangeHash(start, start + k, nodes));
        }
    }

    /** SUBPROOF(m, D[start:end], whole): {@code whole} is the RFC's b, "this subtree is the old tree itself". */
    private static void subproof(long m, long start, long end, boolean whole, SubtreeHashes nodes,
            List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(rangeHash(start, end, nodes));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, nodes, proof);
            proof.add(rangeHash(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, proof);
            proof.add(rangeHash(start, start + k, nodes));
        }
    }

    /** The largest power of two smaller than {@code n} (n &gt; 1): the width of the left subtree. */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean isOdd(long n) {
        return (n & 1) == 1;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHash.SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(MerkleProofs::isHash);
    }
}
