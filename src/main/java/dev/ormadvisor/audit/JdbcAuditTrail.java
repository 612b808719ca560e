package dev.ormadvisor.audit;

import dev.ormadvisor.engine.FiredRule;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.evaluation.AuditTrail;
import dev.ormadvisor.evaluation.AuditUnavailableException;
import dev.ormadvisor.evaluation.Evaluation;
import dev.ormadvisor.transparency.Receipt;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The audit trail on a JDBC database, written through the group-commit writer. */
final class JdbcAuditTrail implements AuditTrail {

    private final GroupCommitWriter writer;
    private final Duration commitTimeout;

    JdbcAuditTrail(GroupCommitWriter writer, Duration commitTimeout) {
        this.writer = writer;
        this.commitTimeout = commitTimeout;
    }

    @Override
    public Receipt record(Evaluation evaluation, String factsAsReceived, String answer, RuleSources rules,
            String traceId) {
        var decision = evaluation.decision();
        AuditEntry entry = new AuditEntry(0, evaluation.id(), EpochMicros.of(evaluation.evaluatedAt()),
                evaluation.label(), decision.verdict().choice().name(), decision.verdict().confidence().name(),
                decision.rulesVersion(), evaluation.duration().toNanos() / 1000, factsAsReceived, answer);
        List<String> firedRules = decision.firedRules().stream().map(FiredRule::rule).map(rule -> rule.name())
                .toList();
        try {
            return writer.submit(new PendingAppend(entry, decision.firedStatements(), firedRules, rules, traceId))
                    .get(commitTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the audit store", e);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("the audit store could not commit the evaluation", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the audit store did not commit within " + commitTimeout, e);
        }
    }
}
