package dev.ormadvisor.audit;

/**
 * The outcome of walking the whole chain: {@code checked} records were found intact, and {@code firstBroken} is
 * where the walk stopped, or {@code null} when the chain is whole.
 */
public record ChainVerification(boolean ok, long checked, BrokenLink firstBroken) {

    /** {@code id} is {@code null} when the break is in the chain head rather than in a record. */
    public record BrokenLink(long seq, String id, String reason) {
    }
}
