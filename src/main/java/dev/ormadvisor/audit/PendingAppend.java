package dev.ormadvisor.audit;

import dev.ormadvisor.engine.RuleSources;
import java.util.List;
import java.util.Set;

/** An evaluation waiting to be appended, with what is indexed beside it and the rule set that answered it. */
record PendingAppend(AuditEntry entry, Set<String> statements, List<String> firedRules, RuleSources rules) {
}
