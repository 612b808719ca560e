package dev.ormadvisor.facts;

/** How long the codebase is expected to live. */
public enum Lifetime {
    SHORT, MEDIUM, LONG
}
