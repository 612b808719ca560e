package dev.ormadvisor.facts;

import jakarta.validation.Valid;

/** Everything known about one project. A missing section is a section whose every fact is unknown. */
public record Facts(@Valid Project project, @Valid Team team, @Valid Leaning leaning) {

    public static final Facts NONE = new Facts(null, null, null);

    public Facts {
        project = project == null ? Project.UNKNOWN : project;
        team = team == null ? Team.UNKNOWN : team;
        leaning = leaning == null ? Leaning.UNKNOWN : leaning;
    }
}
