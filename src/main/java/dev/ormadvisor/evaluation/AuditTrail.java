package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.transparency.Receipt;

/** Where answered evaluations are kept. An answer is acknowledged only once {@link #record} has returned. */
public interface AuditTrail {

    /**
     * Records the evaluation durably: returns only once it is committed, with the proof that it is in the log.
     *
     * @param factsAsReceived the request body exactly as the client sent it
     * @param answer the JSON answer exactly as it is sent
     * @param rules the rule set version that answered, stored once per version
     * @param traceId the W3C trace id of the request that asked, or null: kept beside the record so that an auditor
     *     can find the logs around the decision, and not part of what the record's leaf commits to
     * @return the record's receipt: its leaf hash, a signed checkpoint committed with it, and the inclusion proof
     * @throws AuditUnavailableException when it could not be committed in time
     */
    Receipt record(Evaluation evaluation, String factsAsReceived, String answer, RuleSources rules, String traceId);
}
