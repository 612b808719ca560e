package dev.ormadvisor.web;

import dev.ormadvisor.drafts.Draft;
import dev.ormadvisor.drafts.DraftFile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/v1/drafts/impact}: a draft, and at most how many evaluations to replay. */
record DraftImpactRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String baseVersion,
        String baseFolder, List<DraftFile> files, List<String> deleted,
        @Schema(description = "How many of the newest evaluations to replay", defaultValue = "1000",
                minimum = "1", maximum = "10000") Integer limit) {

    Draft draft() {
        return new DraftRequest(baseVersion, baseFolder, files, deleted).draft();
    }

    int effectiveLimit() {
        return AuditParameters.within("limit", limit, ReplayRequest.DEFAULT_LIMIT, 1, ReplayRequest.MAX_LIMIT);
    }
}
