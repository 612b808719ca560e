package dev.ormadvisor.web;

import dev.ormadvisor.rulesets.RuleSetBundle;
import dev.ormadvisor.rulesets.RuleSetComparison;
import dev.ormadvisor.rulesets.RuleSetDiff;
import dev.ormadvisor.rulesets.RuleSetVersion;
import dev.ormadvisor.rulesets.RuleSetVersions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Rule set versions compared and downloaded: for an auditor asking what changed, and for git or a ConfigMap. */
@RestController
class RuleSetsController {

    static final String GZIP = "application/gzip";

    private static final String VERSION = "A rule set version (its content hash, as rulesVersion gives it) that"
            + " answered an evaluation, or current for the one in service.";

    private final RuleSetVersions versions;
    private final Clock clock;

    RuleSetsController(RuleSetVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @Operation(summary = "What changed from one rule set version to another",
            description = "Rules by name: added, removed and changed, each change with the aspect (CONDITIONS,"
                    + " CONSEQUENCE (where the weight is), METADATA, SALIENCE, ATTRIBUTES or FILE) before and"
                    + " after. files: a unified diff per added, removed or changed rule file (a workbook through"
                    + " the DRL generated from it). statements: the statement keys that gained or lost rules,"
                    + " each with those rules. unreadable: files whose rules could not be read, left out of the"
                    + " rule comparison. Either version may be current.")
    @ApiResponse(responseCode = "200", description = "The diff", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RuleSetDiff.class)))
    @ApiResponse(responseCode = "404", description = "from or to names no version that answered an evaluation;"
            + " parameter names which", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/api/v1/rulesets/{from}/diff/{to}", produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetDiff diff(@Parameter(description = VERSION) @PathVariable String from,
            @Parameter(description = VERSION) @PathVariable String to) {
        return RuleSetComparison.compare(version("from", from), version("to", to));
    }

    @Operation(summary = "A rule set version as a .tar.gz of its rules folder",
            description = "Every file under rules/. A stored version holds its rule files exactly as they were"
                    + " (.drl, .drl.csv, and each .drl.xlsx as the workbook itself), since that is what the audit"
                    + " trail keeps. current also holds statements.yaml and scenarios/ as they are in the rules"
                    + " folder now, so it unpacks into a folder the service loads and checks.")
    @ApiResponse(responseCode = "200", description = "The archive, named rules-<version>.tar.gz",
            content = @Content(mediaType = GZIP))
    @ApiResponse(responseCode = "404", description = "version names no version that answered an evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/api/v1/rulesets/{version}/bundle", produces = GZIP)
    ResponseEntity<byte[]> bundle(@Parameter(description = VERSION) @PathVariable String version)
            throws IOException {
        RuleSetVersion found = versions.bundle(version).orElseThrow(() -> unknown("version", version));
        // In memory: a rules folder is small, and a failure then is still a problem answer, not a cut-off download.
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        RuleSetBundle.write(found, clock.instant(), archive);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(GZIP))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(RuleSetBundle.fileName(found)).build().toString())
                .body(archive.toByteArray());
    }

    private RuleSetVersion version(String parameter, String version) {
        return versions.find(version).orElseThrow(() -> unknown(parameter, version));
    }

    private static NotFoundException unknown(String parameter, String version) {
        return new NotFoundException(parameter, "No rule set version '" + version + "' (the " + parameter
                + " parameter) has answered an evaluation here, and it is not the one in service; use a"
                + " rulesVersion from an evaluation, or " + RuleSetVersions.CURRENT + ".");
    }
}
