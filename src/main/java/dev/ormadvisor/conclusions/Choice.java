package dev.ormadvisor.conclusions;

/** The final answer. */
public enum Choice {
    DJANGO_ORM, SQLALCHEMY, NO_CLEAR_WINNER;

    static Choice of(Option option) {
        return valueOf(option.name());
    }
}
