package dev.ormadvisor.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stored evaluations answered again by the rule set now in service ({@code rulesVersion}); {@code changes} lists
 * only those whose verdict choice or set of warnings changed.
 */
public record ReplayReport(String rulesVersion, int replayed, int verdictsChanged, int warningsChanged,
        List<Change> changes) {

    public record Change(String id, Instant evaluatedAt, String oldRulesVersion, @JsonProperty("old") Outcome before,
            @JsonProperty("new") Outcome after, List<String> rulesNoLongerFired, List<String> rulesNewlyFired) {
    }

    /** The parts of an answer a replay compares; {@code warnings} holds statement keys in the answer's order. */
    public record Outcome(String choice, String confidence, Map<String, Integer> scores, List<String> warnings) {
    }
}
