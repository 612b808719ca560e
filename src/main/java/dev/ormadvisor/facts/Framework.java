package dev.ormadvisor.facts;

/** The web framework the project is built on. {@link #UNDECIDED} means not chosen yet, which is not "not Django". */
public enum Framework {
    DJANGO, FLASK, FASTAPI, OTHER, NONE, UNDECIDED
}
