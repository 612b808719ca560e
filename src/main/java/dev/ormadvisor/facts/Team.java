package dev.ormadvisor.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** What the team knows about itself. Every field is nullable: {@code null} means unknown. */
public record Team(
        @Min(1) @Max(100_000) Integer size,
        Experience experience,
        Boolean knowsDjango,
        Boolean knowsSqlWell,
        Boolean comfortableWithSessions,
        Boolean hasDatabaseSpecialist,
        Boolean valuesConvention,
        Boolean caresAboutArchitecture,
        Boolean wantsBuiltInMigrations,
        Boolean wantsOwnDataAccessDesign,
        Boolean wantsDomainPersistenceSeparation,
        Boolean prioritizesShippingSpeed) {

    public static final Team UNKNOWN = new Team(null, null, null, null, null, null, null, null, null, null, null,
            null);
}
