package dev.ormadvisor.transparency;

/**
 * Hash of the complete subtree at {@code level} covering leaves {@code [index*2^level, (index+1)*2^level)};
 * level 0 = leaf hashes. Proofs ask only for complete subtrees, which never change once their last leaf is
 * appended, so a log can store them as it grows and answer with point lookups.
 */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] hash(int level, long index);
}
