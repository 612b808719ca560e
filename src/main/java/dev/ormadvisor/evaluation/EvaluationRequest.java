package dev.ormadvisor.evaluation;

import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.Leaning;
import dev.ormadvisor.facts.Project;
import dev.ormadvisor.facts.Team;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One question as a team asks it, whether as the body of {@code POST /api/v1/evaluations} or as a facts file for
 * the {@code evaluate} command: the facts plus a free-text label kept with the evaluation.
 */
public record EvaluationRequest(
        @Size(max = 200) @Pattern(regexp = STORABLE_TEXT, message = NOT_STORABLE) String label,
        @Valid Project project, @Valid Team team, @Valid Leaning leaning) {

    /**
     * Text both audit stores can hold and compare: no NUL (PostgreSQL refuses it in a parameter, so the answer
     * could never be recorded) and no unpaired surrogate (it has no UTF-8 form, so the stored text would differ).
     */
    public static final String STORABLE_TEXT = "[^\\x00\\p{Cs}]*";
    public static final String NOT_STORABLE = "must be text without NUL characters or unpaired surrogates";

    public Facts facts() {
        return new Facts(project, team, leaning);
    }
}
