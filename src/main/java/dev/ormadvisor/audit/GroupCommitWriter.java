package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.Receipt;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes whatever evaluations are waiting (up to a batch) and commits them in one
 * transaction, then completes each one's future. Under load a single fsync covers many evaluations, so durability
 * does not cost a disk flush per request; with no load a lone evaluation is committed at once.
 *
 * <p>Each commit is observed as an {@value #COMMIT} span with the batch's size and the leaf indexes it committed. One
 * commit serves many requests, so it cannot be the child of each: it joins the trace of the batch's first request,
 * and every evaluation span carries its own leaf index, which falls in the range of the commit that stored it.
 */
final class GroupCommitWriter implements AutoCloseable {

    static final String COMMIT = "advisor.audit.commit";

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final AuditStore store;
    private final ObservationRegistry observations;
    private final BlockingQueue<Submission> queue;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile LastCommit lastCommit;

    GroupCommitWriter(AuditStore store, int queueCapacity, int maxBatch, ObservationRegistry observations) {
        this.store = store;
        this.observations = observations;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::writeUntilClosedAndDrained, "audit-writer");
        this.thread.start();
    }

    /** The future completes with the record's receipt once it is committed, or fails if it could not be. */
    CompletableFuture<Receipt> submit(PendingAppend append) {
        Submission submission = new Submission(append, observations.getCurrentObservation(),
                new CompletableFuture<>());
        if (!open || !queue.offer(submission)) {
            submission.committed().completeExceptionally(new RejectedExecutionException(open
                    ? "the audit writer is full (" + queue.size() + " waiting)" : "the audit writer is closed"));
        }
        return submission.committed();
    }

    private void writeUntilClosedAndDrained() {
        List<Submission> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Submission> batch) {
        Observation observation = Observation.createNotStarted(COMMIT, observations).contextualName("audit commit")
                .parentObservation(batch.get(0).requester())
                .highCardinalityKeyValue("advisor.audit.batch.size", Integer.toString(batch.size())).start();
        try (Observation.Scope scope = observation.openScope()) {
            List<Receipt> receipts = store.append(batch.stream().map(Submission::append).toList());
            lastCommit = new LastCommit(Instant.now(), null);
            observation.highCardinalityKeyValue("advisor.audit.indexes",
                    receipts.get(0).index() + ".." + receipts.get(receipts.size() - 1).index());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).committed().complete(receipts.get(i));
            }
        } catch (RuntimeException e) {
            lastCommit = new LastCommit(Instant.now(), e);
            observation.error(e);
            log.error("Could not commit {} audit record(s); their evaluations are answered 503", batch.size(), e);
            batch.forEach(submission -> submission.committed().completeExceptionally(e));
        } finally {
            observation.stop();
        }
    }

    /** The outcome of the latest commit attempt; null before the first. */
    LastCommit lastCommit() {
        return lastCommit;
    }

    /** Records waiting for the writer. */
    int waiting() {
        return queue.size();
    }

    /** Stops taking new records and returns once every record already taken is committed (graceful shutdown). */
    @Override
    public void close() throws InterruptedException {
        open = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** When the latest commit was attempted, and why it failed ({@code failure} null: it committed). */
    record LastCommit(Instant at, RuntimeException failure) {

        boolean failed() {
            return failure != null;
        }
    }

    /** {@code requester} is the observation the evaluation was submitted in (null when none was open). */
    private record Submission(PendingAppend append, Observation requester, CompletableFuture<Receipt> committed) {
    }
}
