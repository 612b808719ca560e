package dev.ormadvisor.conclusions;

/** The two ORMs the article compares. */
public enum Option {
    DJANGO_ORM, SQLALCHEMY
}
