package dev.ormadvisor.engine;

import dev.ormadvisor.decisiontables.TableFormat;
import dev.ormadvisor.decisiontables.TableLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The exact content of every rule file under the rules folder (subfolders included), keyed by its path relative
 * to the folder with {@code /} separators, and the content hash that names this rule set version.
 *
 * <p>Rule files are {@code .drl} files and decision tables ({@code .drl.csv}, {@code .drl.xlsx}). {@code files}
 * is what a rule set snapshot stores: the text of a {@code .drl} or {@code .drl.csv}; for a {@code .drl.xlsx}, the
 * file's bytes in base64, and once compiled, under {@code <path>}{@link #GENERATED_DRL}, the DRL Drools generated
 * from it. The hash covers every rule file's name and content, not the generated DRL.
 */
public record RuleSources(Path dir, SortedMap<String, String> files, String version) {

    /** Suffix of the snapshot entry holding the DRL generated from an {@code .xlsx}: never a rule file's name. */
    public static final String GENERATED_DRL = ".generated.drl.txt";

    public RuleSources {
        files = new TreeMap<>(files);
    }

    /** The rule files only, without the generated DRL added for the snapshot. */
    public SortedMap<String, String> ruleFiles() {
        SortedMap<String, String> ruleFiles = new TreeMap<>(files);
        ruleFiles.keySet().removeIf(path -> path.endsWith(GENERATED_DRL));
        return ruleFiles;
    }

    /** The bytes of a rule file as it is on disk. */
    public byte[] content(String path) {
        String stored = files.get(path);
        if (stored == null) {
            throw new IllegalArgumentException("no rule file " + path);
        }
        return content(path, stored);
    }

    /** The bytes of a rule file from its text as {@code files} stores it (base64 for an {@code .xlsx}). */
    public static byte[] content(String path, String stored) {
        return TableFormat.of(path).filter(format -> format == TableFormat.XLSX).isPresent()
                ? Base64.getDecoder().decode(stored) : stored.getBytes(StandardCharsets.UTF_8);
    }

    /** The same version, with the DRL generated from each {@code .xlsx} stored beside it. */
    RuleSources withGeneratedDrl(Map<String, String> drlByWorkbook) {
        SortedMap<String, String> withGenerated = new TreeMap<>(files);
        drlByWorkbook.forEach((path, drl) -> withGenerated.put(path + GENERATED_DRL, drl));
        return new RuleSources(dir, withGenerated, version);
    }

    public static RuleSources read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRuleBaseException(List.of(new RuleError(".", 0,
                    "the rules folder " + dir.toAbsolutePath() + " does not exist")));
        }
        SortedMap<String, String> files = new TreeMap<>();
        List<RuleError> tooBig = new ArrayList<>();
        try {
            // Walked where it really is: a rules folder that is itself a link (ADVISOR_RULES_DIR pointing at a
            // mount, a Kubernetes projected volume) would otherwise be listed as one file, holding no rules.
            Path real = dir.toRealPath();
            try (Stream<Path> paths = Files.walk(real)) {
                for (Path path : paths.filter(p -> isRuleFile(real, p)).toList()) {
                    String name = relativeName(real, path);
                    try {
                        if (TableFormat.of(name).isPresent() && Files.size(path) > TableLimits.MAX_FILE_BYTES) {
                            // Refused unread: a table that big is a mistake or an attack, never a table.
                            tooBig.add(new RuleError(name, 0, "the file is " + Files.size(path) + " bytes; a decision"
                                    + " table may be at most " + TableLimits.MAX_FILE_BYTES + " bytes"));
                        } else if (name.endsWith(TableFormat.XLSX.suffix())) {
                            files.put(name, Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
                        } else {
                            files.put(name, Files.readString(path, StandardCharsets.UTF_8));
                        }
                    } catch (NoSuchFileException deletedSinceListed) {
                        // An editor removed it mid-save: it is not part of the rule set, and its removal triggers
                        // another reload anyway.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + dir.toAbsolutePath(), e);
        }
        if (!tooBig.isEmpty()) {
            throw new InvalidRuleBaseException(tooBig);
        }
        if (files.isEmpty()) {
            throw new InvalidRuleBaseException(List.of(new RuleError(".", 0, "the rules folder "
                    + dir.toAbsolutePath() + " holds no .drl, .drl.csv or .drl.xlsx file")));
        }
        return new RuleSources(dir, files, versionOf(files));
    }

    /**
     * Hidden entries are skipped: editors write {@code .name.drl} temp files (LibreOffice its
     * {@code .~lock.name#}), and a Kubernetes ConfigMap keeps the real files in {@code ..<timestamp>} folders
     * behind the visible links, which would count them twice. So is Excel's lock file {@code ~$name.drl.xlsx},
     * which exists while a workbook is open and holds no table.
     */
    static boolean isRuleFile(Path dir, Path path) {
        for (Path part : dir.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = path.getFileName().toString();
        return (name.endsWith(".drl") || TableFormat.of(name).isPresent()) && !name.startsWith("~$")
                && Files.isRegularFile(path);
    }

    private static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The version of these rule files (path to text, a workbook in base64). Names and contents both count:
     * renaming a file is a new version, because rules report their file.
     */
    public static String versionOf(Map<String, String> files) {
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
