package dev.ormadvisor.facts;

public enum Architecture {
    MONOLITH, SERVICE_ORIENTED
}
