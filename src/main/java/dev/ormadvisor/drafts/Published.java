package dev.ormadvisor.drafts;

import java.time.Instant;

/** A published draft, in service: {@code version} answers evaluations since {@code at}. */
public record Published(String version, String previousVersion, Instant at) {
}
