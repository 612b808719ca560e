package dev.ormadvisor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The exact text of every {@code .drl} file under the rules folder (subfolders included), keyed by its path
 * relative to the folder with {@code /} separators, and the content hash that names this rule set version.
 */
public record RuleSources(Path dir, SortedMap<String, String> files, String version) {

    public RuleSources {
        files = new TreeMap<>(files);
    }

    public static RuleSources read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRuleBaseException(List.of(new RuleError(".", 0,
                    "the rules folder " + dir.toAbsolutePath() + " does not exist")));
        }
        SortedMap<String, String> files = new TreeMap<>();
        try {
            // Walked where it really is: a rules folder that is itself a link (ADVISOR_RULES_DIR pointing at a
            // mount, a Kubernetes projected volume) would otherwise be listed as one file, holding no rules.
            Path real = dir.toRealPath();
            try (Stream<Path> paths = Files.walk(real)) {
                for (Path path : paths.filter(p -> isRuleFile(real, p)).toList()) {
                    try {
                        files.put(relativeName(real, path), Files.readString(path, StandardCharsets.UTF_8));
                    } catch (NoSuchFileException deletedSinceListed) {
                        // An editor removed it mid-save: it is not part of the rule set, and its removal triggers
                        // another reload anyway.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + dir.toAbsolutePath(), e);
        }
        if (files.isEmpty()) {
            throw new InvalidRuleBaseException(List.of(new RuleError(".", 0,
                    "the rules folder " + dir.toAbsolutePath() + " holds no .drl file")));
        }
        return new RuleSources(dir, files, hash(files));
    }

    /**
     * Hidden entries are skipped: editors write {@code .name.drl} temp files, and a Kubernetes ConfigMap keeps
     * the real files in {@code ..<timestamp>} folders behind the visible links, which would count them twice.
     */
    static boolean isRuleFile(Path dir, Path path) {
        for (Path part : dir.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return path.toString().endsWith(".drl") && Files.isRegularFile(path);
    }

    private static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** Names and contents both count: renaming a file is a new version, because rules report their file. */
    private static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new LinkedHashMap<>(files).forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
