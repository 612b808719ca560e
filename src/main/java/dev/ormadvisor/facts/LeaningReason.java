package dev.ormadvisor.facts;

/** Why the team leans the way it does; the mistake and caution rules look at these. */
public enum LeaningReason {
    SEEMS_MORE_ADVANCED, DJANGO_ORM_CANT_SCALE, HYPE, FUTURE_COMPLEXITY, TEAM_FAMILIARITY, PROJECT_FIT
}
