package dev.ormadvisor.audit;

import dev.ormadvisor.engine.RuleSources;
import java.util.List;
import java.util.Set;

/**
 * An evaluation waiting to be appended, with what is indexed beside it, the rule set that answered it and the W3C
 * trace id of the request that asked (null when there was none): stored beside the record, not in its leaf.
 */
record PendingAppend(AuditEntry entry, Set<String> statements, List<String> firedRules, RuleSources rules,
        String traceId) {
}
