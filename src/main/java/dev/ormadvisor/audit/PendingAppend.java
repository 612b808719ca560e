package dev.ormadvisor.audit;

import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.transparency.MerkleHash;
import java.util.List;
import java.util.Set;

/**
 * An evaluation waiting to be appended, with what is indexed beside it, the rule set that answered it, the W3C
 * trace id of the request that asked (null when there was none): stored beside the record, not in its leaf; and the
 * hash of its leaf.
 */
record PendingAppend(AuditEntry entry, Set<String> statements, List<String> firedRules, RuleSources rules,
        String traceId, byte[] leafHash) {

    /**
     * Hashes the leaf here, on the thread that submits it: the one writer thread commits every batch in turn, so
     * whatever it does for each record is on every request's path, while request threads hash in parallel.
     */
    PendingAppend(AuditEntry entry, Set<String> statements, List<String> firedRules, RuleSources rules,
            String traceId) {
        this(entry, statements, firedRules, rules, traceId, MerkleHash.leaf(AuditLeaf.bytes(entry)));
    }
}
