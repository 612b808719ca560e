package dev.ormadvisor.rulesets;

import dev.ormadvisor.audit.AuditLog;
import dev.ormadvisor.audit.RuleSetSnapshot;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.engine.StatementCatalog;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds a rule set version by name: {@value #CURRENT} (or its hash) is the one in service, any other is looked up
 * among the audit trail's snapshots, which keep every version that answered an evaluation.
 */
public final class RuleSetVersions {

    /** The name that always means the version in service. */
    public static final String CURRENT = "current";

    private final RuleBaseInService inService;
    private final AuditLog auditLog;

    public RuleSetVersions(RuleBaseInService inService, AuditLog auditLog) {
        this.inService = inService;
        this.auditLog = auditLog;
    }

    /** The rule files of a version, exactly as they were compiled. */
    public Optional<RuleSetVersion> find(String version) {
        RuleBase current = inService.current();
        return isCurrent(version, current) ? Optional.of(RuleSetVersion.of(current.sources()))
                : auditLog.ruleSet(version).map(RuleSetVersions::of);
    }

    /**
     * What a bundle of the version holds. A stored version is its rule files alone, since that is all a snapshot
     * keeps. The version in service adds the statement catalog and the scenarios as they are in the folder now,
     * so that the bundle is a whole rules folder that the service would load and check.
     */
    public Optional<RuleSetVersion> bundle(String version) {
        RuleBase current = inService.current();
        if (!isCurrent(version, current)) {
            return auditLog.ruleSet(version).map(RuleSetVersions::of);
        }
        SortedMap<String, String> files = new TreeMap<>(current.sources().ruleFiles());
        Path dir = inService.rulesDir();
        Path catalog = dir.resolve(StatementCatalog.FILE_NAME);
        if (Files.isRegularFile(catalog)) {
            try {
                files.put(StatementCatalog.FILE_NAME, Files.readString(catalog, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + catalog, e);
            }
        }
        ScenarioFiles.texts(dir.resolve(ScenarioFactsCheck.FOLDER))
                .forEach((path, text) -> files.put(ScenarioFactsCheck.FOLDER + "/" + path, text));
        return Optional.of(RuleSetVersion.of(current.version(), files));
    }

    private static boolean isCurrent(String version, RuleBase current) {
        return version.equals(CURRENT) || version.equals(current.version());
    }

    private static RuleSetVersion of(RuleSetSnapshot snapshot) {
        SortedMap<String, String> files = new TreeMap<>();
        snapshot.files().forEach(file -> files.put(file.path(), file.text()));
        return new RuleSetVersion(snapshot.version(), files);
    }
}
