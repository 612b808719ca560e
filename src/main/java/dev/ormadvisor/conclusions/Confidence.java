package dev.ormadvisor.conclusions;

/** How firmly the evidence backs the verdict. */
public enum Confidence {
    LOW, MEDIUM, HIGH
}
