package dev.ormadvisor.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ormadvisor.transparency.PublishedTree.ConsistencyVector;
import dev.ormadvisor.transparency.PublishedTree.InclusionVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleProofsTests {

    private static final int MAX_SIZE = 70;

    @Test
    void theLeafAndNodeHashesOfThePublishedTreeAreTheRfcHashes() {
        for (int i = 0; i < 8; i++) {
            assertThat(MerkleHash.leaf(PublishedTree.LEAF_INPUTS.get(i)))
                    .isEqualTo(PublishedTree.NODE_HASHES.get(0).get(i));
        }
        assertThat(MerkleHash.node(PublishedTree.NODE_HASHES.get(0).get(0), PublishedTree.NODE_HASHES.get(0).get(1)))
                .isEqualTo(PublishedTree.NODE_HASHES.get(1).get(0));
        assertThat(MerkleHash.emptyRoot()).isEqualTo(PublishedTree.ROOTS.get(0));
    }

    @Test
    void theRootOfThePublishedTreeAtEverySizeIsThePublishedRoot() {
        ReferenceTree tree = publishedTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(MerkleProofs.root(size, tree)).as("size %d", size).isEqualTo(PublishedTree.ROOTS.get(size));
            assertThat(MerkleProofs.root(size, PublishedTree.NODES)).isEqualTo(PublishedTree.ROOTS.get(size));
        }
    }

    @Test
    void thePublishedInclusionProofsAreTheOnesGeneratedAndTheyVerify() {
        for (InclusionVector vector : PublishedTree.INCLUSION_PROOFS) {
            byte[] leafHash = PublishedTree.NODE_HASHES.get(0).get((int) vector.index());
            byte[] root = PublishedTree.ROOTS.get((int) vector.size());

            assertThat(MerkleProofs.inclusion(vector.index(), vector.size(), publishedTree()))
                    .as("%s", vector).containsExactlyElementsOf(vector.proof());
            assertThat(MerkleProofs.verifyInclusion(vector.index(), vector.size(), leafHash, vector.proof(), root))
                    .as("%s", vector).isTrue();
        }
    }

    @Test
    void thePublishedConsistencyProofsAreTheOnesGeneratedAndTheyVerify() {
        for (ConsistencyVector vector : PublishedTree.CONSISTENCY_PROOFS) {
            assertThat(MerkleProofs.consistency(vector.from(), vector.to(), publishedTree()))
                    .as("%s", vector).containsExactlyElementsOf(vector.proof());
            assertThat(MerkleProofs.verifyConsistency(vector.from(), vector.to(),
                    PublishedTree.ROOTS.get((int) vector.from()), PublishedTree.ROOTS.get((int) vector.to()),
                    vector.proof())).as("%s", vector).isTrue();
        }
    }

    @Test
    void everyInclusionProofUpToSeventyLeavesIsTheRfcPathAndVerifies() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        for (int size = 1; size <= MAX_SIZE; size++) {
            byte[] root = tree.root(size);
            assertThat(MerkleProofs.root(size, tree)).isEqualTo(root);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleProofs.inclusion(index, size, tree);

                assertThat(proof).as("leaf %d of %d", index, size).containsExactlyElementsOf(tree.path(index, size));
                assertThat(MerkleProofs.verifyInclusion(index, size, tree.leafHash(index), proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void aCorruptedInclusionProofDoesNotVerify() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        for (int size = 1; size <= MAX_SIZE; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleProofs.inclusion(index, size, tree);
                byte[] leaf = tree.leafHash(index);
                String what = "leaf " + index + " of " + size;

                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, flipBit(proof, i), root))
                            .as("%s, proof[%d] with a flipped bit", what, i).isFalse();
                }
                for (long wrongIndex : new long[] {index - 1, index + 1, index ^ 2}) {
                    assertThat(MerkleProofs.verifyInclusion(wrongIndex, size, leaf, proof, root))
                            .as("%s claimed as leaf %d", what, wrongIndex).isFalse();
                }
                // Sizes that change the tree's shape: a size with the same shape recomputes the same root, which
                // is why a checkpoint signs the size together with the root.
                assertThat(MerkleProofs.verifyInclusion(index, size * 2L, leaf, proof, root)).as(what).isFalse();
                if (index < size / 2) {
                    assertThat(MerkleProofs.verifyInclusion(index, size / 2, leaf, proof, root)).as(what).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1),
                            root)).as("%s, truncated", what).isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, append(proof, root), root))
                        .as("%s, with a trailing hash", what).isFalse();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, prepend(root, proof), root))
                        .as("%s, with a leading hash", what).isFalse();
                assertThat(MerkleProofs.verifyInclusion(index, size, MerkleHash.leaf(new byte[] {1}), proof, root))
                        .as("%s, another leaf", what).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofUpToSeventyLeavesIsTheRfcProofAndVerifies() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        for (int to = 0; to <= MAX_SIZE; to++) {
            for (int from = 0; from <= to; from++) {
                List<byte[]> proof = MerkleProofs.consistency(from, to, tree);

                assertThat(proof).as("%d to %d", from, to).containsExactlyElementsOf(tree.proof(from, to));
                assertThat(MerkleProofs.verifyConsistency(from, to, tree.root(from), tree.root(to), proof))
                        .as("%d to %d", from, to).isTrue();
            }
        }
    }

    @Test
    void aCorruptedConsistencyProofDoesNotVerify() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        for (int to = 2; to <= MAX_SIZE; to++) {
            for (int from = 1; from < to; from++) {
                List<byte[]> proof = MerkleProofs.consistency(from, to, tree);
                byte[] fromRoot = tree.root(from);
                byte[] toRoot = tree.root(to);
                String what = from + " to " + to;

                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleProofs.verifyConsistency(from, to, fromRoot, toRoot, flipBit(proof, i)))
                            .as("%s, proof[%d] with a flipped bit", what, i).isFalse();
                }
                for (long wrongFrom : new long[] {from - 1, from + 1, from ^ 2}) {
                    if (wrongFrom != from && wrongFrom < to) {
                        assertThat(MerkleProofs.verifyConsistency(wrongFrom, to, fromRoot, toRoot, proof))
                                .as("%s claimed from %d", what, wrongFrom).isFalse();
                    }
                }
                assertThat(MerkleProofs.verifyConsistency(from, to * 2L, fromRoot, toRoot, proof)).as(what).isFalse();
                if (from < to / 2) {
                    assertThat(MerkleProofs.verifyConsistency(from, to / 2, fromRoot, toRoot, proof)).as(what)
                            .isFalse();
                }
                assertThat(MerkleProofs.verifyConsistency(from, to, toRoot, fromRoot, proof))
                        .as("%s, roots swapped", what).isFalse();
                assertThat(MerkleProofs.verifyConsistency(from, to, fromRoot, toRoot, List.of()))
                        .as("%s, no proof", what).isFalse();
                assertThat(MerkleProofs.verifyConsistency(from, to, fromRoot, toRoot,
                        proof.subList(0, proof.size() - 1))).as("%s, truncated", what).isFalse();
                assertThat(MerkleProofs.verifyConsistency(from, to, fromRoot, toRoot, append(proof, toRoot)))
                        .as("%s, with a trailing hash", what).isFalse();
                assertThat(MerkleProofs.verifyConsistency(from, to, fromRoot, toRoot, prepend(proof.get(0), proof)))
                        .as("%s, with a leading hash", what).isFalse();
            }
        }
    }

    @Test
    void treesOfEqualSizeAreConsistentOnlyWithEqualRootsAndNoProof() {
        byte[] root = PublishedTree.ROOTS.get(5);
        byte[] other = PublishedTree.ROOTS.get(6);

        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, other, List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root, List.of(other))).isFalse();
    }

    @Test
    void everyTreeExtendsTheEmptyTreeWhoseRootIsTheEmptyRoot() {
        byte[] empty = MerkleHash.emptyRoot();
        byte[] root = PublishedTree.ROOTS.get(8);

        assertThat(MerkleProofs.verifyConsistency(0, 8, empty, root, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 8, root, root, List.of())).as("not the empty root").isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 8, empty, root, List.of(root))).as("a proof").isFalse();
    }

    @Test
    void verificationRefusesImpossibleSizesAndHashesOfTheWrongLength() {
        byte[] leaf = PublishedTree.NODE_HASHES.get(0).get(0);
        byte[] root = PublishedTree.ROOTS.get(1);

        assertThat(MerkleProofs.verifyInclusion(0, 1, leaf, List.of(), root)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(0, 0, leaf, List.of(), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(1, 1, leaf, List.of(), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(-1, 1, leaf, List.of(), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 1, new byte[0], List.of(), new byte[0])).isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 2, leaf, List.of(new byte[0]), root)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(2, 1, root, root, List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(-1, 1, root, root, List.of())).isFalse();
    }

    @Test
    void generationRejectsALeafOutsideTheTreeAndATreeThatShrinks() {
        ReferenceTree tree = ReferenceTree.ofSize(8);

        assertThatIllegalArgumentException().isThrownBy(() -> MerkleProofs.inclusion(8, 8, tree))
                .withMessage("leaf index 8 is not in a tree of 8 leaves (indexes start at 0)");
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleProofs.inclusion(-1, 8, tree))
                .withMessage("leaf index -1 is not in a tree of 8 leaves");
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleProofs.inclusion(0, 0, tree));
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleProofs.consistency(5, 4, tree))
                .withMessage("a tree of 5 leaves cannot grow into one of 4");
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleProofs.consistency(-1, 4, tree));
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleProofs.root(-1, tree))
                .withMessage("a tree size cannot be negative, but got -1");
    }

    @Test
    void aProofInATreeOfAMillionLeavesNeedsLogarithmicallyManyLookupsOfCompleteSubtrees() {
        long size = 1_000_000;
        UniformTree tree = new UniformTree(size);
        byte[] root = MerkleProofs.root(size, tree);
        int bound = 2 * 64 - Long.numberOfLeadingZeros(size); // 2 log2(n), rounded up

        assertThat(tree.calls).isLessThanOrEqualTo(bound);
        for (long index : new long[] {0, 1, 524_287, 524_288, 999_000, 999_999}) {
            tree.calls = 0;
            List<byte[]> proof = MerkleProofs.inclusion(index, size, tree);

            assertThat(tree.calls).as("leaf %d", index).isLessThanOrEqualTo(bound);
            assertThat(MerkleProofs.verifyInclusion(index, size, tree.hash(0, index), proof, root)).isTrue();
        }
        for (long from : new long[] {1, 3, 524_288, 524_289, 777_777, 999_999}) {
            tree.calls = 0;
            List<byte[]> proof = MerkleProofs.consistency(from, size, tree);

            assertThat(tree.calls).as("from %d", from).isLessThanOrEqualTo(bound);
            assertThat(MerkleProofs.verifyConsistency(from, size, MerkleProofs.root(from, tree), root, proof))
                    .isTrue();
        }
    }

    /**
     * A large tree computed in constant time per node: all its leaves are equal, so all complete subtrees of a
     * level are. Refuses incomplete subtrees, like {@link ReferenceTree}.
     */
    private static final class UniformTree implements SubtreeHashes {

        private final long size;
        private final byte[][] byLevel = new byte[TreeNode.MAX_LEVEL + 1][];
        private int calls;

        UniformTree(long size) {
            this.size = size;
            byLevel[0] = MerkleHash.leaf("the same".getBytes(StandardCharsets.UTF_8));
            for (int level = 1; level < byLevel.length; level++) {
                byLevel[level] = MerkleHash.node(byLevel[level - 1], byLevel[level - 1]);
            }
        }

        @Override
        public byte[] hash(int level, long index) {
            calls++;
            if ((index + 1) << level > size) {
                throw new AssertionError("asked for an incomplete subtree: level " + level + ", index " + index);
            }
            return byLevel[level];
        }
    }

    static ReferenceTree publishedTree() {
        return new ReferenceTree(PublishedTree.LEAF_INPUTS.stream().map(MerkleHash::leaf).toList());
    }

    static List<byte[]> flipBit(List<byte[]> proof, int element) {
        List<byte[]> corrupted = new ArrayList<>(proof);
        byte[] hash = corrupted.get(element).clone();
        hash[0] ^= 8;
        corrupted.set(element, hash);
        return corrupted;
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] hash) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(hash);
        return longer;
    }

    private static List<byte[]> prepend(byte[] hash, List<byte[]> proof) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(0, hash);
        return longer;
    }
}
