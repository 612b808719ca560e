package dev.ormadvisor.drafts;

import dev.ormadvisor.decisiontables.TableFormat;
import dev.ormadvisor.engine.StatementCatalog;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which paths a draft may hold: relative paths inside the rules folder, made of visible names, naming a file the
 * service reads there: a rule file ({@code .drl}, {@code .drl.csv}, {@code .drl.xlsx}), {@code statements.yaml}, or
 * a scenario ({@code scenarios/**.yaml} or {@code .yml}). Anything else would be ignored by the service, or worse,
 * be written outside the folder.
 */
final class DraftPaths {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final String SCENARIOS = ScenarioFactsCheck.FOLDER + "/";

    private DraftPaths() {
    }

    /** Why {@code path} cannot be in a draft, or empty when it can. */
    static Optional<String> problem(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("is missing: give the file's path relative to the rules folder");
        }
        if (path.startsWith("/") || path.contains("\\") || DRIVE.matcher(path).matches()) {
            return Optional.of("'" + path + "' is not a path relative to the rules folder: write it like"
                    + " 'mistakes.drl' or 'scenarios/team-a.yaml', with / between folders");
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return Optional.of("'" + path + "' leaves the rules folder or has an empty part: every part"
                        + " must be a name");
            }
            if (part.startsWith(".")) {
                return Optional.of("'" + path + "' has a hidden part ('" + part + "'), which the service never"
                        + " reads");
            }
        }
        if (!isReadByTheService(path)) {
            return Optional.of("'" + path + "' is not a file the service reads: a draft holds rule files (.drl,"
                    + " .drl.csv, .drl.xlsx), " + StatementCatalog.FILE_NAME + " and scenarios ("
                    + SCENARIOS + "*.yaml)");
        }
        return Optional.empty();
    }

    static boolean isReadByTheService(String path) {
        return isRuleFile(path) || path.equals(StatementCatalog.FILE_NAME)
                || path.startsWith(SCENARIOS) && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }

    static boolean isRuleFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return (name.endsWith(".drl") || TableFormat.of(name).isPresent()) && !name.startsWith("~$");
    }

    static boolean isWorkbook(String path) {
        return path.endsWith(TableFormat.XLSX.suffix());
    }

    /**
     * Why writing {@code path} into {@code folder} would land outside it (through a link on the way), or empty.
     * Links that stay inside are fine: a Kubernetes ConfigMap links every file into a folder beside it.
     */
    static Optional<String> outside(Path folder, String path) {
        try {
            Path real = folder.toRealPath();
            Path existing = real.resolve(path);
            while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS) && !existing.equals(real)) {
                existing = existing.getParent();
            }
            return Files.exists(existing) && existing.toRealPath().startsWith(real) ? Optional.empty()
                    : Optional.of("'" + path + "' leads out of the rules folder through a link");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + folder, e);
        }
    }
}
