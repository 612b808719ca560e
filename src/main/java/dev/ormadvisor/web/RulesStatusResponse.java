package dev.ormadvisor.web;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleError;
import java.time.Instant;
import java.util.List;

/** The rule set in service and the last attempt to load the rules folder (api.md: GET /api/v1/rules/status). */
record RulesStatusResponse(String version, LastReload lastReload) {

    static RulesStatusResponse of(String versionInService, ReloadOutcome outcome) {
        return new RulesStatusResponse(versionInService, new LastReload(outcome.at(), outcome.ok(),
                outcome.errors().stream().map(ErrorView::of).toList(), outcome.took().toMillis()));
    }

    /** {@code errors} is empty once a reload succeeds; a failed one left the previous version in service. */
    record LastReload(Instant at, boolean ok, List<ErrorView> errors, long tookMillis) {
    }

    /**
     * {@code file} is relative to the rules folder; {@code line} is 1-based, 0 when no line applies (for a decision
     * table, the spreadsheet row); {@code column} is a decision table's column letters, {@code null} otherwise.
     */
    record ErrorView(String file, int line, String column, String message) {

        static ErrorView of(RuleError error) {
            return new ErrorView(error.file(), error.line(), error.column(), error.message());
        }
    }
}
