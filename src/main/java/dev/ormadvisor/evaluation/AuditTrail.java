package dev.ormadvisor.evaluation;

import dev.ormadvisor.engine.RuleSources;

/** Where answered evaluations are kept. An answer is acknowledged only once {@link #record} has returned. */
public interface AuditTrail {

    /**
     * Records the evaluation durably: returns only once it is committed.
     *
     * @param factsAsReceived the request body exactly as the client sent it
     * @param answer the JSON answer exactly as it is sent
     * @param rules the rule set version that answered, stored once per version
     * @throws AuditUnavailableException when it could not be committed in time
     */
    void record(Evaluation evaluation, String factsAsReceived, String answer, RuleSources rules);
}
