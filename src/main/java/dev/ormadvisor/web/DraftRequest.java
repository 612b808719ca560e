package dev.ormadvisor.web;

import dev.ormadvisor.drafts.Draft;
import dev.ormadvisor.drafts.DraftFile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/v1/drafts/check} and {@code /publish}. */
record DraftRequest(
        @Schema(description = "The rule set version the draft starts from: the one in service (GET"
                + " /api/v1/drafts/base) or one that answered an evaluation", requiredMode = Schema.RequiredMode.REQUIRED)
        String baseVersion,
        @Schema(description = "Optional: the folder fingerprint of GET /api/v1/drafts/base. Given, publish also"
                + " answers 409 when scenarios or statements changed since (the version covers rule files only)")
        String baseFolder,
        @Schema(description = "Files changed or added, each with its whole text; path relative to the rules folder"
                + " (.drl, .drl.csv, .drl.xlsx as base64, statements.yaml, scenarios/*.yaml)")
        List<DraftFile> files,
        @Schema(description = "Paths of the base to delete") List<String> deleted) {

    Draft draft() {
        return new Draft(baseVersion, baseFolder, files, deleted);
    }
}
