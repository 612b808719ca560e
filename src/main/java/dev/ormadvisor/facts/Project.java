package dev.ormadvisor.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What the team knows about the project. Every field is nullable: {@code null} means unknown, and rules must
 * test {@code == true} / {@code == false} explicitly so that unknown is never read as false.
 */
public record Project(
        Framework framework,
        ProjectType type,
        Boolean mostlyCrud,
        Boolean needsAdminInterface,
        Complexity queryComplexity,
        Boolean complexReporting,
        Boolean needsSqlControl,
        Boolean databaseSpecificOptimizations,
        Architecture architecture,
        Boolean asyncHeavy,
        Boolean backgroundWorkers,
        Boolean heavyTransactionLogic,
        Boolean dataHeavy,
        Boolean databaseCentral,
        Complexity domainComplexity,
        Lifetime expectedLifetime,
        Boolean requirementsChangeWeekly,
        @Min(0) @Max(600) Integer monthsToDeadline) {

    public static final Project UNKNOWN = new Project(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);
}
