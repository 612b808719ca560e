package dev.ormadvisor.facts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the team is currently inclined to pick, and why. Unknown reasons are an empty list: the rules only ever
 * ask whether a reason was given ({@code reasons contains ...}), so "none given" and "unknown" read the same.
 */
public record Leaning(LeaningChoice choice, @Size(max = 6) List<@NotNull LeaningReason> reasons) {

    public static final Leaning UNKNOWN = new Leaning(null, null);

    public Leaning {
        reasons = reasons == null ? List.of() : List.copyOf(reasons.stream().distinct().toList());
    }
}
