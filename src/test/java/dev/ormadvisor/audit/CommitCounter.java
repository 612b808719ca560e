package dev.ormadvisor.audit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the audit writer's commits, whatever the store runs a batch as (a transaction of several statements, or
 * one statement): each is observed as one {@value GroupCommitWriter#COMMIT}. Failed ones are not counted.
 */
final class CommitCounter implements ObservationHandler<Observation.Context> {

    private final AtomicLong commits = new AtomicLong();

    /** A registry of its own that tells only this counter, for a writer built by hand. */
    ObservationRegistry registry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(this);
        return registry;
    }

    long commits() {
        return commits.get();
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return GroupCommitWriter.COMMIT.equals(context.getName());
    }

    @Override
    public void onStop(Observation.Context context) {
        if (context.getError() == null) {
            commits.incrementAndGet();
        }
    }
}
