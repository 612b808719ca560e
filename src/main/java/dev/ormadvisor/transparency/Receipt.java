package dev.ormadvisor.transparency;

import java.util.List;

/**
 * Proof that one audit record is in a log: its leaf hash at {@code index} (0-based) is included in the tree of the
 * signed {@code checkpoint}. Hashes are base64, as in checkpoints; {@code checkpoint} is the whole signed note.
 */
public record Receipt(String log, String origin, long index, String leafHash, String checkpoint,
        List<String> inclusionProof) {

    public Receipt {
        inclusionProof = List.copyOf(inclusionProof);
    }
}
