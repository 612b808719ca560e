package dev.ormadvisor.drafts;

import java.util.List;

/**
 * Where a draft starts: the rule set version in service, the fingerprint of the whole folder it goes with (for
 * {@link Draft#baseFolder()}), and every file a draft may change, sorted by path.
 */
public record DraftBase(String version, String folder, List<DraftFile> files) {

    public DraftBase {
        files = List.copyOf(files);
    }

    static DraftBase of(FolderContent content) {
        return new DraftBase(content.ruleVersion(), content.fingerprint(), content.files().entrySet().stream()
                .map(file -> new DraftFile(file.getKey(), file.getValue())).toList());
    }
}
