package dev.ormadvisor.drafts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A proposed change of the rules folder: the version it starts from, the files it changes or adds, and the paths
 * it deletes. {@code baseFolder}, optional, is the fingerprint of every file of the folder it started from
 * (scenarios and statements included, which the rule set version does not cover); given, publishing also refuses
 * a draft whose scenarios or statements were changed by someone else meanwhile.
 */
public record Draft(String baseVersion, String baseFolder, List<DraftFile> files, List<String> deleted) {

    public Draft {
        if (baseVersion == null || baseVersion.isBlank()) {
            throw new InvalidDraftException("baseVersion", "baseVersion is missing: give the version the draft"
                    + " starts from (the version in service, GET /api/v1/drafts/base)");
        }
        files = files == null ? List.of() : List.copyOf(files);
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            DraftFile file = files.get(i);
            String field = "files[" + i + "]";
            if (file == null) {
                throw new InvalidDraftException(field, field + " is null: give {\"path\", \"text\"}");
            }
            checkPath(field + ".path", file.path(), seen);
            if (file.text() == null) {
                throw new InvalidDraftException(field + ".text", field + ".text is missing for '" + file.path()
                        + "': give the file's whole text (to delete the file, list its path in deleted)");
            }
        }
        for (int i = 0; i < deleted.size(); i++) {
            checkPath("deleted[" + i + "]", deleted.get(i), seen);
        }
    }

    private static void checkPath(String field, String path, Set<String> seen) {
        DraftPaths.problem(path).ifPresent(problem -> {
            throw new InvalidDraftException(field, field + " " + problem);
        });
        if (!seen.add(path)) {
            throw new InvalidDraftException(field, field + " '" + path + "' appears twice in the draft: a path is"
                    + " either changed once or deleted");
        }
    }
}
