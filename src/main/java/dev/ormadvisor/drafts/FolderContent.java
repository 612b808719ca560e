package dev.ormadvisor.drafts;

import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.rulesets.RuleSetVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file of a rules folder that a draft may change (see {@link DraftPaths}), by path, as text; a
 * {@code .drl.xlsx} workbook as its bytes in base64. Hidden entries are skipped as the service skips them.
 */
record FolderContent(SortedMap<String, String> files) {

    FolderContent {
        files = new TreeMap<>(files);
    }

    static FolderContent read(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        try {
            Path real = dir.toRealPath();
            try (Stream<Path> paths = Files.walk(real)) {
                for (Path file : paths.filter(Files::isRegularFile).toList()) {
                    String name = real.relativize(file).toString().replace('\\', '/');
                    if (DraftPaths.problem(name).isEmpty()) {
                        files.put(name, DraftPaths.isWorkbook(name)
                                ? Base64.getEncoder().encodeToString(Files.readAllBytes(file))
                                : Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + dir.toAbsolutePath(), e);
        }
        return new FolderContent(files);
    }

    /** The rule files alone: what a rule set version is made of. */
    SortedMap<String, String> ruleFiles() {
        SortedMap<String, String> rules = new TreeMap<>(files);
        rules.keySet().removeIf(path -> !DraftPaths.isRuleFile(path));
        return rules;
    }

    /** The other files (statements, scenarios): read from the folder, since no snapshot keeps them. */
    FolderContent withoutRuleFiles() {
        SortedMap<String, String> others = new TreeMap<>(files);
        others.keySet().removeAll(ruleFiles().keySet());
        return new FolderContent(others);
    }

    FolderContent with(SortedMap<String, String> more) {
        SortedMap<String, String> all = new TreeMap<>(files);
        all.putAll(more);
        return new FolderContent(all);
    }

    /** This content changed as the draft says; deleting a path that is not there is an error in the draft. */
    FolderContent apply(Draft draft) {
        SortedMap<String, String> changed = new TreeMap<>(files);
        List<String> deleted = draft.deleted();
        for (int i = 0; i < deleted.size(); i++) {
            if (changed.remove(deleted.get(i)) == null) {
                throw new InvalidDraftException("deleted[" + i + "]", "deleted[" + i + "] '" + deleted.get(i)
                        + "' is not in the base version: there is nothing to delete");
            }
        }
        for (int i = 0; i < draft.files().size(); i++) {
            DraftFile file = draft.files().get(i);
            if (DraftPaths.isWorkbook(file.path())) {
                bytes(file.path(), file.text(), "files[" + i + "].text");
            }
            changed.put(file.path(), file.text());
        }
        return new FolderContent(changed);
    }

    /** The version the rule files make, as the service names it. */
    String ruleVersion() {
        return RuleSources.versionOf(ruleFiles());
    }

    /**
     * A content hash of every file, names included, so that any change anywhere in the folder shows, in scenarios
     * and statements too.
     */
    String fingerprint() {
        return RuleSources.versionOf(files);
    }

    /** This content as a version to compare, under the rule set version its rule files make. */
    RuleSetVersion asVersion() {
        return RuleSetVersion.of(ruleVersion(), files);
    }

    /** The bytes a file has on disk. */
    byte[] bytes(String path) {
        return bytes(path, files.get(path), path);
    }

    void writeTo(Path dir) {
        try {
            for (String path : files.keySet()) {
                Path file = dir.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, bytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the draft into " + dir, e);
        }
    }

    private static byte[] bytes(String path, String text, String field) {
        if (!DraftPaths.isWorkbook(path)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDraftException(field, field + " of '" + path + "' is not base64: a .drl.xlsx"
                    + " workbook travels as its bytes in base64");
        }
    }
}
