package dev.ormadvisor.facts;

/** How demanding the queries or the domain are. */
public enum Complexity {
    LOW, MODERATE, HIGH
}
