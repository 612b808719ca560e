package dev.ormadvisor.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.ormadvisor.transparency.CompactRange.Appended;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactRangeTests {

    private static final int MAX_SIZE = 70;

    @Test
    void theFrontierOfThePublishedTreeAtEverySizeIsItsPublishedCompactTree() {
        // transparency-dev/merkle testonly/constants.go, CompactTrees(): nh[level][index] per size.
        List<List<int[]>> published = List.of(
                List.of(),
                List.of(new int[] {0, 0}),
                List.of(new int[] {1, 0}),
                List.of(new int[] {1, 0}, new int[] {0, 2}),
                List.of(new int[] {2, 0}),
                List.of(new int[] {2, 0}, new int[] {0, 4}),
                List.of(new int[] {2, 0}, new int[] {1, 2}),
                List.of(new int[] {2, 0}, new int[] {1, 2}, new int[] {0, 6}),
                List.of(new int[] {3, 0}));
        for (int size = 0; size <= 8; size++) {
            List<TreeNode> expected = published.get(size).stream()
                    .map(node -> new TreeNode(node[0], node[1], PublishedTree.NODE_HASHES.get(node[0]).get(node[1])))
                    .toList();

            CompactRange loaded = CompactRange.of(size, PublishedTree.NODES);
            CompactRange appended = CompactRange.empty()
                    .append(PublishedTree.NODE_HASHES.get(0).subList(0, size)).range();

            assertThat(loaded.frontier()).as("size %d", size).isEqualTo(expected);
            assertThat(appended.frontier()).as("size %d", size).isEqualTo(expected);
            assertThat(loaded.root()).isEqualTo(PublishedTree.ROOTS.get(size));
            assertThat(loaded.size()).isEqualTo(size);
        }
    }

    @Test
    void aRangeAppendedInRandomChunksHasTheRootComputedDirectly() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        Random random = new Random(9162);
        for (int round = 0; round < 200; round++) {
            CompactRange range = CompactRange.empty();
            while (range.size() < MAX_SIZE) {
                int from = (int) range.size();
                int to = Math.min(MAX_SIZE, from + random.nextInt(12));
                range = range.append(tree.leafHashes().subList(from, to)).range();

                assertThat(range.size()).isEqualTo(to);
                assertThat(range.root()).as("size %d", to).isEqualTo(tree.root(to));
            }
        }
    }

    @Test
    void aRangeLoadedFromStoredSubtreesGrowsLikeOneKeptInMemory() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        for (int size = 0; size <= MAX_SIZE; size++) {
            CompactRange loaded = CompactRange.of(size, tree);

            assertThat(loaded.root()).as("size %d", size).isEqualTo(tree.root(size));
            assertThat(loaded.frontier()).hasSize(Long.bitCount(size));
            assertThat(loaded.append(tree.leafHashes().subList(size, MAX_SIZE)).range().root())
                    .isEqualTo(tree.root(MAX_SIZE));
        }
    }

    @Test
    void anAppendReportsEveryCompleteSubtreeItFinishedInTheOrderItFinishedThem() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        for (int before = 0; before <= 40; before++) {
            for (int after = before; after <= before + 30; after++) {
                Appended appended = CompactRange.of(before, tree).append(tree.leafHashes().subList(before, after));

                assertThat(appended.newNodes()).as("%d to %d", before, after)
                        .isEqualTo(completeSubtreesEndingIn(tree, before, after));
            }
        }
    }

    @Test
    void theAppendedNodesAndThePreviousFrontierAnswerEveryProofForANewLeafWithoutStorage() {
        ReferenceTree tree = ReferenceTree.ofSize(MAX_SIZE);
        for (int before = 0; before < 40; before++) {
            for (int after = before + 1; after <= MAX_SIZE; after++) {
                SubtreeHashes fresh = CompactRange.of(before, tree)
                        .append(tree.leafHashes().subList(before, after)).subtreeHashes();

                assertThat(MerkleProofs.root(after, fresh)).isEqualTo(tree.root(after));
                assertThat(MerkleProofs.consistency(before, after, fresh)).as("%d to %d", before, after)
                        .containsExactlyElementsOf(tree.proof(before, after));
                for (int index = before; index < after; index++) {
                    assertThat(MerkleProofs.inclusion(index, after, fresh))
                            .as("leaf %d of %d, appended after %d", index, after, before)
                            .containsExactlyElementsOf(tree.path(index, after));
                }
            }
        }
    }

    @Test
    void theNodesOfAnAppendDoNotPretendToKnowOlderSubtrees() {
        ReferenceTree tree = ReferenceTree.ofSize(8);
        SubtreeHashes fresh = CompactRange.of(6, tree).append(tree.leafHashes().subList(6, 8)).subtreeHashes();

        assertThatIllegalStateException().isThrownBy(() -> fresh.hash(0, 0))
                .withMessage("the subtree at level 0, index 0 is neither on the frontier of the 6-leaf tree nor"
                        + " among the nodes appended to it");
        assertThatIllegalStateException().isThrownBy(() -> MerkleProofs.inclusion(0, 8, fresh));
    }

    @Test
    void appendingNothingChangesNothing() {
        CompactRange range = CompactRange.of(5, PublishedTree.NODES);
        Appended appended = range.append(List.of());

        assertThat(appended.newNodes()).isEmpty();
        assertThat(appended.range().frontier()).isEqualTo(range.frontier());
        assertThat(appended.previous()).isSameAs(range);
    }

    @Test
    void aLeafHashIsThirtyTwoBytesAndASizeIsNotNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> CompactRange.empty().append(List.of(new byte[31])))
                .withMessage("a tree node's hash must be 32 bytes, but got 31");
        assertThatIllegalArgumentException().isThrownBy(() -> CompactRange.of(-1, PublishedTree.NODES));
    }

    @Test
    void theEmptyRangeHasTheEmptyRoot() {
        assertThat(CompactRange.empty().root()).isEqualTo(MerkleHash.emptyRoot());
        assertThat(CompactRange.empty().frontier()).isEmpty();
    }

    /** By definition: the complete subtrees whose last leaf is one of the appended, by last leaf then level. */
    private static List<TreeNode> completeSubtreesEndingIn(ReferenceTree tree, int before, int after) {
        List<TreeNode> nodes = new ArrayList<>();
        for (int leaf = before; leaf < after; leaf++) {
            for (int level = 0; (leaf + 1) % (1 << level) == 0; level++) {
                long index = (long) leaf >> level;
                nodes.add(new TreeNode(level, index, tree.hash(level, index)));
            }
        }
        return nodes;
    }
}
