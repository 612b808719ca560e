package dev.ormadvisor.audit;

/** A log as it stands: its size and the latest checkpoint signed over it (a C2SP signed note). */
public record LogHead(String id, String origin, long size, String checkpoint) {
}
