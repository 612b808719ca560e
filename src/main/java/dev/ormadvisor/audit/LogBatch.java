package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.TreeNode;
import java.util.List;

/**
 * What one committed batch stores: the log's row moved from {@code sizeBefore} to {@code sizeAfter} with the
 * checkpoint signed over the new tree, the records (leaf indexes {@code sizeBefore} on, in order), the tree's new
 * nodes, and the rule set versions this instance has not stored yet (another may have, at the same moment: the
 * second to store a version stores nothing).
 */
record LogBatch(String logId, long sizeBefore, long sizeAfter, String checkpoint, String verifierKey,
        List<PendingAppend> records, List<TreeNode> nodes, List<FirstServed> newRuleSets) {

    /** A rule set version's files (a JSON object, path to text) and when a record first used it. */
    record FirstServed(String version, long atMicros, String files) {
    }

    /** Stores a batch, all or nothing. */
    interface Writer {

        /** False, with nothing stored, when the log's row is no longer at {@code sizeBefore}. */
        boolean write(LogBatch batch);
    }
}
