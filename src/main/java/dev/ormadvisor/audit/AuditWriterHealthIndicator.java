package dev.ormadvisor.audit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while the audit writer's latest commit failed: the database may still answer reads (a full disk, a
 * read-only folder) while no evaluation can be recorded, so each is answered 503. UP again with the next commit
 * that succeeds. It is not part of readiness on purpose: an instance taken out of the load balancer would get no
 * evaluation to commit, and so never come back.
 */
final class AuditWriterHealthIndicator implements HealthIndicator {

    private final GroupCommitWriter writer;

    AuditWriterHealthIndicator(GroupCommitWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        GroupCommitWriter.LastCommit last = writer.lastCommit();
        Health.Builder health = last != null && last.failed() ? Health.down(last.failure()) : Health.up();
        if (last != null) {
            health.withDetail("lastCommitAt", last.at().toString());
        }
        return health.withDetail("waiting", writer.waiting()).build();
    }
}
