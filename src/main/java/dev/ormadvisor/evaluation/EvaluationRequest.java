package dev.ormadvisor.evaluation;

import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.Leaning;
import dev.ormadvisor.facts.Project;
import dev.ormadvisor.facts.Team;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * One question as a team asks it, whether as the body of {@code POST /api/v1/evaluations} or as a facts file for
 * the {@code evaluate} command: the facts plus a free-text label kept with the evaluation.
 */
public record EvaluationRequest(@Size(max = 200) String label, @Valid Project project, @Valid Team team,
        @Valid Leaning leaning) {

    public Facts facts() {
        return new Facts(project, team, leaning);
    }
}
