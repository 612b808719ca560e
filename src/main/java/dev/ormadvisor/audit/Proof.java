package dev.ormadvisor.audit;

import java.util.List;

/** Proofs as the API gives them: hashes in base64, in the order RFC 9162 verifies them. */
public final class Proof {

    private Proof() {
    }

    /** That the leaf at {@code index} is in the tree of {@code size} leaves. */
    public record Inclusion(long index, long size, List<String> hashes) {
    }

    /** That the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    public record Consistency(long from, long to, List<String> hashes) {
    }
}
