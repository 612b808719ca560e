package dev.ormadvisor.facts;

/** What the team is inclined to pick before asking. */
public enum LeaningChoice {
    DJANGO_ORM, SQLALCHEMY, UNDECIDED
}
