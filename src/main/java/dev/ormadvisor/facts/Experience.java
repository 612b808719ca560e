package dev.ormadvisor.facts;

public enum Experience {
    BEGINNER, MIXED, EXPERIENCED
}
