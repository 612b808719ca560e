package dev.ormadvisor.web;

import dev.ormadvisor.audit.ReplayReport;
import dev.ormadvisor.drafts.DraftBase;
import dev.ormadvisor.drafts.DraftCheck;
import dev.ormadvisor.drafts.DraftFile;
import dev.ormadvisor.drafts.Drafts;
import dev.ormadvisor.drafts.Published;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drafts of the rules folder for domain experts (the workbench page): check, impact, publish. Guarded by
 * {@link AdminTokenInterceptor}: a draft is code the service compiles and runs.
 */
@RestController
@RequestMapping(DraftsController.PATH)
@Tag(name = "Drafts", description = "Change the rules without touching the server: check a draft, see which past"
        + " evaluations it would change, publish it. Admin bearer token (ADVISOR_ADMIN_TOKEN) required: 401"
        + " without it, 403 when the service has none.")
@SecurityRequirement(name = OpenApiConfiguration.ADMIN_TOKEN)
class DraftsController {

    static final String PATH = "/api/v1/drafts";

    private final Drafts drafts;

    DraftsController(Drafts drafts) {
        this.drafts = drafts;
    }

    @Operation(summary = "The files a new draft starts from",
            description = "The rule files of the version in service, with the folder's statements.yaml and"
                    + " scenarios; folder is the fingerprint of all of them, to send back as baseFolder.")
    @GetMapping("/base")
    DraftBase base() {
        return drafts.base();
    }

    @Operation(summary = "A new scenario from an audited evaluation",
            description = "A scenario file (path under scenarios/, YAML text) holding the evaluation's facts as"
                    + " received and, as expectation, what the version in service answers for them now: verdict,"
                    + " confidence, the statements that fire and the warnings. Add it to a draft to keep that"
                    + " answer from changing unnoticed.")
    @ApiResponse(responseCode = "404", description = "No evaluation has this id")
    @GetMapping("/scenario")
    DraftFile scenario(@Parameter(description = "The id of an audited evaluation") @RequestParam String evaluation) {
        return drafts.scenarioFrom(evaluation).orElseThrow(() -> new NotFoundException(
                "No evaluation '" + evaluation + "' is in the audit trail."));
    }

    @Operation(summary = "Check a draft",
            description = "Compiles the draft in a temporary copy of the rules folder (never the one in service),"
                    + " runs the checks a reload runs and every scenario. ok is true when it compiles, passes the"
                    + " checks and every scenario gets its expected answer. Changes nothing in service.")
    @ApiResponse(responseCode = "200", description = "How the draft fared: ok, version, errors[] (file, line,"
            + " message), scenarios, coverage and diff (the rule-set diff against the base)")
    @ApiResponse(responseCode = "400", description = "A path outside the rules folder, of a file type the service"
            + " does not read, given twice, or a workbook that is not base64: field names it")
    @ApiResponse(responseCode = "404", description = "The base version never served")
    @ApiResponse(responseCode = "413", description = "The draft is over 1 MiB")
    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    DraftCheck check(@RequestBody DraftRequest request) {
        return drafts.check(request.draft());
    }

    @Operation(summary = "Which past evaluations a draft would change",
            description = "Answers the newest limit audited evaluations again with the draft, and lists every one"
                    + " whose verdict or warnings would change, as POST /api/v1/replay does for the version in"
                    + " service. Nothing is stored.")
    @ApiResponse(responseCode = "200", description = "The replay report; rulesVersion is the draft's version")
    @ApiResponse(responseCode = "422", description = "The draft does not compile or fails a check: errors")
    @PostMapping(path = "/impact", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReplayReport impact(@RequestBody DraftImpactRequest request) {
        return drafts.impact(request.draft(), request.effectiveLimit());
    }

    @Operation(summary = "Publish a draft into the rules folder",
            description = "Checks the draft, then, only if the folder still holds its base version (and, when"
                    + " baseFolder is given, the same statements and scenarios), writes it atomically (temporary"
                    + " files, then renames) and reloads. Answers once the new version is in service.")
    @ApiResponse(responseCode = "200", description = "The new version, in service")
    @ApiResponse(responseCode = "409", description = "The folder no longer holds the base (folderVersion, diff"
            + " from the base to what is there now), or it is read-only (a ConfigMap): detail says how to"
            + " publish instead")
    @ApiResponse(responseCode = "422", description = "The draft fails its check: errors and scenarios")
    @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    Published publish(@RequestBody DraftRequest request) {
        return drafts.publish(request.draft());
    }
}
