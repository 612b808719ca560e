package dev.ormadvisor.web;

import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.Leaning;
import dev.ormadvisor.facts.Project;
import dev.ormadvisor.facts.Team;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/evaluations}: the facts plus a free-text label kept with the evaluation. */
record EvaluationRequest(@Size(max = 200) String label, @Valid Project project, @Valid Team team,
        @Valid Leaning leaning) {

    Facts facts() {
        return new Facts(project, team, leaning);
    }
}
