package dev.ormadvisor.scenarios;

import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.conclusions.Confidence;
import java.util.List;

/**
 * What a scenario expects: the verdict (and optionally its confidence), statement keys that must and must not
 * fire, and warnings (by statement key) that must and must not appear. Omitted lists expect nothing.
 */
public record Expectation(Choice verdict, Confidence confidence, List<String> statements,
        List<String> absentStatements, List<String> warnings, List<String> absentWarnings) {

    public Expectation {
        if (verdict == null) {
            throw new IllegalArgumentException("expect.verdict is required: DJANGO_ORM, SQLALCHEMY or NO_CLEAR_WINNER");
        }
        statements = statements == null ? List.of() : List.copyOf(statements);
        absentStatements = absentStatements == null ? List.of() : List.copyOf(absentStatements);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        absentWarnings = absentWarnings == null ? List.of() : List.copyOf(absentWarnings);
    }
}
