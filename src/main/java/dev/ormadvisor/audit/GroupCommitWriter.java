package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.Receipt;
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
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final AuditStore store;
    private final BlockingQueue<Submission> queue;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile LastCommit lastCommit;

    GroupCommitWriter(AuditStore store, int queueCapacity, int maxBatch) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::writeUntilClosedAndDrained, "audit-writer");
        this.thread.start();
    }

    /** The future completes with the record's receipt once it is committed, or fails if it could not be. */
    CompletableFuture<Receipt> submit(PendingAppend append) {
        Submission submission = new Submission(append, new CompletableFuture<>());
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
        try {
            List<Receipt> receipts = store.append(batch.stream().map(Submission::append).toList());
            lastCommit = new LastCommit(Instant.now(), null);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).committed().complete(receipts.get(i));
            }
        } catch (RuntimeException e) {
            lastCommit = new LastCommit(Instant.now(), e);
            log.error("Could not commit {} audit record(s); their evaluations are answered 503", batch.size(), e);
            batch.forEach(submission -> submission.committed().completeExceptionally(e));
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

    private record Submission(PendingAppend append, CompletableFuture<Receipt> committed) {
    }
}
