package dev.ormadvisor.web;

import static java.util.Map.entry;

import java.util.Map;

/**
 * What each field of a request means, in the article's words (as in README's facts reference), keyed by its dotted
 * path. {@link OpenApiConfiguration} attaches these to the API documentation; allowed values come from the enums
 * themselves. {@code OpenApiDocumentationTest} fails when a field of the request has no entry here.
 */
final class FactsDocumentation {

    private static final String UNKNOWN = " Missing or null means unknown, which no rule reads as false.";

    static final Map<String, String> MEANINGS = Map.ofEntries(
            entry("label", "Free text, e.g. the project's name (up to 200 characters); kept with the evaluation in"
                    + " the audit trail."),
            entry("project", "What the team knows about the project. Every field is optional." + UNKNOWN),
            entry("team", "What the team knows about itself. Every field is optional." + UNKNOWN),
            entry("leaning", "What the team is currently inclined to pick, and why: the MISTAKE and CAUTION rules"
                    + " look at it." + UNKNOWN),

            entry("project.framework", "The web framework. The article's dividing line: Django → Django ORM,"
                    + " anything else (including NONE: CLI tools, workers) → SQLAlchemy. UNDECIDED means not chosen"
                    + " yet: the other factors decide."),
            entry("project.type", "The product's shape, as in \"especially best for\"."),
            entry("project.mostlyCrud", "\"Mostly CRUD, forms, dashboards, auth, and admin workflows\"."),
            entry("project.needsAdminInterface", "Operators, support, finance or content people need an admin"
                    + " interface."),
            entry("project.queryComplexity", "How complex the queries are; HIGH = \"complex joins, unusual SQL"
                    + " patterns, reporting logic\"."),
            entry("project.complexReporting", "Custom reporting / analytics queries."),
            entry("project.needsSqlControl", "\"You need tighter SQL control\"."),
            entry("project.databaseSpecificOptimizations", "Database-specific behaviour and optimisations."),
            entry("project.architecture", "Service-oriented or framework-agnostic architecture, or a monolith."),
            entry("project.asyncHeavy", "\"A modern async-heavy architecture\"."),
            entry("project.backgroundWorkers", "Background workers / job pipelines."),
            entry("project.heavyTransactionLogic", "Heavy transaction logic."),
            entry("project.dataHeavy", "A data-heavy system."),
            entry("project.databaseCentral", "\"The database is central to the product's behavior\"."),
            entry("project.domainComplexity", "How complicated the domain logic is."),
            entry("project.expectedLifetime", "How long the codebase will live."),
            entry("project.requirementsChangeWeekly", "\"The product is still changing every week\"."),
            entry("project.monthsToDeadline", "Months until the team must ship (0 to 600)."),

            entry("team.size", "Number of developers, 1 to 100000 (kept for the record; the article does not"
                    + " weigh it)."),
            entry("team.experience", "The team's experience level."),
            entry("team.knowsDjango", "The team has used Django before."),
            entry("team.knowsSqlWell", "\"Your team knows SQL well\"."),
            entry("team.comfortableWithSessions", "Comfortable with explicit transaction/session management."),
            entry("team.hasDatabaseSpecialist", "A dedicated database specialist."),
            entry("team.valuesConvention", "Values convention and low onboarding friction (and shared"
                    + " discipline)."),
            entry("team.caresAboutArchitecture", "Cares deeply about architecture and query tuning."),
            entry("team.wantsBuiltInMigrations", "Wants built-in migrations."),
            entry("team.wantsOwnDataAccessDesign", "Wants to design its own data-access patterns (false = \"don't"
                    + " want to design them from scratch\")."),
            entry("team.wantsDomainPersistenceSeparation", "Wants more separation between domain logic and"
                    + " persistence."),
            entry("team.prioritizesShippingSpeed", "Values speed of development over fine-grained tuning."),

            entry("leaning.choice", "The ORM the team is currently inclined to pick."),
            entry("leaning.reasons", "Why the team leans that way, each reason at most once; the MISTAKE and"
                    + " CAUTION rules look at them. Missing, null or empty: no reason given."));

    private FactsDocumentation() {
    }
}
