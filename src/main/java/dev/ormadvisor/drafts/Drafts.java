package dev.ormadvisor.drafts;

import dev.ormadvisor.audit.AuditLog;
import dev.ormadvisor.audit.AuditReplay;
import dev.ormadvisor.audit.EvaluationFilter;
import dev.ormadvisor.audit.ReplayReport;
import dev.ormadvisor.audit.RuleSetSnapshot;
import dev.ormadvisor.engine.InvalidRuleBaseException;
import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.engine.RuleError;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.rulesets.RuleSetComparison;
import dev.ormadvisor.rulesets.RuleSetDiff;
import dev.ormadvisor.scenarios.InvalidScenarioException;
import dev.ormadvisor.scenarios.Scenario;
import dev.ormadvisor.scenarios.ScenarioCheck;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Drafts of the rules folder: checked and replayed in a temporary copy, never in the folder being served, and
 * published into the folder only when it still holds the draft's base.
 *
 * <p>A draft's base is a rule set version: the one in service, or one that answered an evaluation (its snapshot
 * in the audit trail). Statements and scenarios are no part of a version, so a draft always goes with those of
 * the folder on disk. Publishing compares, under one lock, the folder's rule set version with the base version
 * and, when the draft carries it, the fingerprint of the whole folder (scenarios and statements included) with the
 * one the draft started from; then writes each file to a hidden temporary file beside its target and renames them
 * all, while no reload reads the folder; then reloads at once, answering with the version in service.
 */
public final class Drafts {

    /** How the kubelet marks a ConfigMap volume: its files are links into this link's folder. */
    private static final String CONFIG_MAP_DATA = "..data";

    private final RuleBaseInService inService;
    private final AuditLog auditLog;
    private final AuditReplay replay;
    private final ScenarioFiles scenarioFiles;
    private final ScenarioCheck scenarioCheck = new ScenarioCheck();
    private final ScenarioFromEvaluation scenarioFromEvaluation = new ScenarioFromEvaluation();
    private final Object publishing = new Object();

    public Drafts(RuleBaseInService inService, AuditLog auditLog, AuditReplay replay, ScenarioFiles scenarioFiles) {
        this.inService = inService;
        this.auditLog = auditLog;
        this.replay = replay;
        this.scenarioFiles = scenarioFiles;
    }

    /** The files of the version in service, for a new draft. */
    public DraftBase base() {
        return DraftBase.of(base(inService.current().version()));
    }

    /** A new scenario file holding an audited evaluation's facts and what the version in service answers now. */
    public Optional<DraftFile> scenarioFrom(String evaluationId) {
        return auditLog.evaluation(evaluationId)
                .map(stored -> scenarioFromEvaluation.write(evaluationId, stored, inService.current()));
    }

    /** Compiles, checks and runs every scenario of the draft in a temporary copy; changes nothing in service. */
    public DraftCheck check(Draft draft) {
        return judge(draft).check();
    }

    /** Replays the newest audited evaluations against the draft: those whose verdict or warnings would change. */
    public ReplayReport impact(Draft draft, int limit) {
        Judged judged = judge(draft);
        if (judged.ruleBase() == null) {
            throw new DraftRefusedException("The draft does not compile or fails a check, so it cannot answer the"
                    + " evaluations again: see errors.", judged.check());
        }
        return replay.replay(judged.ruleBase(), new EvaluationFilter(null, null, null, null, null, null), limit);
    }

    /**
     * Writes the draft into the rules folder and puts it in service, if it passes its check and the folder still
     * holds its base.
     */
    public Published publish(Draft draft) {
        Path dir = inService.rulesDir();
        refuseReadOnly(dir);
        DraftCheck check = judge(draft).check();
        if (!check.ok()) {
            throw new DraftRefusedException("The draft does not pass its check, so it is not published: see errors"
                    + " and scenarios.", check);
        }
        synchronized (publishing) {
            FolderContent onDisk = FolderContent.read(dir);
            refuseStale(draft, onDisk);
            String previous = inService.current().version();
            write(dir, draft, base(draft.baseVersion()).apply(draft));
            ReloadOutcome outcome = inService.reload();
            if (!outcome.ok() || !check.version().equals(outcome.version())) {
                throw new DraftRefusedException("The draft was written into the rules folder, but loading it"
                        + " failed, so version " + outcome.version() + " keeps answering: see errors.",
                        new DraftCheck(false, check.version(), draft.baseVersion(), outcome.errors(), List.of(),
                                null, check.diff()));
            }
            return new Published(outcome.version(), previous, outcome.at());
        }
    }

    /** The base's rule files with the folder's statements and scenarios. */
    private FolderContent base(String version) {
        RuleBase current = inService.current();
        SortedMap<String, String> ruleFiles = current.version().equals(version) ? current.sources().ruleFiles()
                : auditLog.ruleSet(version).map(Drafts::ruleFiles)
                        .orElseThrow(() -> new UnknownBaseVersionException(version));
        return FolderContent.read(inService.rulesDir()).withoutRuleFiles().with(ruleFiles);
    }

    private static SortedMap<String, String> ruleFiles(RuleSetSnapshot snapshot) {
        SortedMap<String, String> files = new TreeMap<>();
        snapshot.files().stream().filter(file -> !file.path().endsWith(RuleSources.GENERATED_DRL))
                .forEach(file -> files.put(file.path(), file.text()));
        return files;
    }

    private void refuseOutside(Draft draft) {
        Path dir = inService.rulesDir();
        for (int i = 0; i < draft.files().size(); i++) {
            refuseOutside(dir, "files[" + i + "].path", draft.files().get(i).path());
        }
        for (int i = 0; i < draft.deleted().size(); i++) {
            refuseOutside(dir, "deleted[" + i + "]", draft.deleted().get(i));
        }
    }

    private static void refuseOutside(Path dir, String field, String path) {
        DraftPaths.outside(dir, path).ifPresent(problem -> {
            throw new InvalidDraftException(field, field + " " + problem);
        });
    }

    private Judged judge(Draft draft) {
        refuseOutside(draft);
        FolderContent base = base(draft.baseVersion());
        FolderContent drafted = base.apply(draft);
        RuleSetDiff diff = RuleSetComparison.compare(base.asVersion(), drafted.asVersion());
        return inTemporaryFolder(drafted, dir -> {
            try {
                List<Scenario> scenarios = scenarioFiles.read(dir.resolve(ScenarioFactsCheck.FOLDER));
                RuleBase candidate = inService.candidate(dir);
                ScenarioCheck.Result result = scenarioCheck.run(candidate, scenarios, 0);
                return new Judged(new DraftCheck(result.failed() == 0, candidate.version(), draft.baseVersion(),
                        List.of(), result.scenarios(), result.coverage(), diff), candidate);
            } catch (InvalidRuleBaseException e) {
                return refused(draft, drafted, e.errors(), diff);
            } catch (InvalidScenarioException e) {
                return refused(draft, drafted, List.of(new RuleError(ScenarioFactsCheck.FOLDER + "/" + e.file(),
                        e.line(), e.getMessage())), diff);
            }
        });
    }

    private static Judged refused(Draft draft, FolderContent drafted, List<RuleError> errors, RuleSetDiff diff) {
        return new Judged(new DraftCheck(false, drafted.ruleVersion(), draft.baseVersion(), errors, List.of(),
                null, diff), null);
    }

    /** The rule base is null when the draft does not compile or fails a check. */
    private record Judged(DraftCheck check, RuleBase ruleBase) {
    }

    private static <T> T inTemporaryFolder(FolderContent content, Function<Path, T> use) {
        Path dir;
        try {
            dir = Files.createTempDirectory("orm-advisor-draft-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the draft", e);
        }
        try {
            content.writeTo(dir);
            return use.apply(dir);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder holds a draft nobody serves: harmless, and the OS cleans it.
        }
    }

    private static void refuseReadOnly(Path dir) {
        if (Files.exists(dir.resolve(CONFIG_MAP_DATA), LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(dir)) {
            throw readOnly(dir);
        }
    }

    private static ReadOnlyRulesFolderException readOnly(Path dir) {
        return new ReadOnlyRulesFolderException("The rules folder " + dir.toAbsolutePath() + " is read-only here"
                + " (a Kubernetes ConfigMap or a read-only volume), so drafts cannot be published into it. Publish"
                + " through its source instead: download the version in service (GET"
                + " /api/v1/rulesets/current/bundle, the workbench's Download), apply the draft to it in your rules"
                + " repository, run 'java -jar orm-advisor.jar check', and let your pipeline update the ConfigMap"
                + " (kubectl create configmap ... --from-file=rules/ --dry-run=client -o yaml | kubectl apply -f -).");
    }

    private void refuseStale(Draft draft, FolderContent onDisk) {
        String folderVersion = onDisk.ruleVersion();
        if (folderVersion.equals(draft.baseVersion())
                && (draft.baseFolder() == null || draft.baseFolder().equals(onDisk.fingerprint()))) {
            return;
        }
        RuleSetDiff sinceBase = RuleSetComparison.compare(base(draft.baseVersion()).asVersion(), onDisk.asVersion());
        if (!folderVersion.equals(draft.baseVersion())) {
            throw new StaleDraftException("The rules folder no longer holds the draft's base version "
                    + draft.baseVersion() + " but version " + folderVersion + ": someone published or saved"
                    + " meanwhile. Start again from the folder as it is now, and apply your change to it.",
                    folderVersion, sinceBase);
        }
        throw new StaleDraftException("The rules folder still holds version " + folderVersion + ", but its"
                + " statements or scenarios changed since the draft started (folder " + draft.baseFolder()
                + ", now " + onDisk.fingerprint() + "). Start again from the folder as it is now.",
                folderVersion, sinceBase);
    }

    /** Every file first into a hidden temporary file beside it (never read as a rule), then renames and deletions. */
    private void write(Path dir, Draft draft, FolderContent drafted) {
        List<Path[]> staged = new ArrayList<>();
        try {
            for (DraftFile file : draft.files()) {
                Path target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), ".draft-", ".tmp");
                staged.add(new Path[] {temporary, target});
                Files.write(temporary, drafted.bytes(file.path()));
            }
            inService.changeFolder(() -> {
                try {
                    for (Path[] move : staged) {
                        Files.move(move[0], move[1], StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    for (String path : draft.deleted()) {
                        Files.deleteIfExists(dir.resolve(path));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (AccessDeniedException e) {
            throw readOnly(dir);
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).contains("Read-only")) {
                throw readOnly(dir);
            }
            throw new UncheckedIOException("cannot write the draft into " + dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the draft into " + dir, e);
        } finally {
            for (Path[] move : staged) {
                try {
                    Files.deleteIfExists(move[0]);
                } catch (IOException e) {
                    // a hidden leftover is never read as a rule
                }
            }
        }
    }
}
