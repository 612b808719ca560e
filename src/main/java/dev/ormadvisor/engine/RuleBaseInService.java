package dev.ormadvisor.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set version that answers evaluations, and the way a new one replaces it.
 *
 * <p>Callers take {@link #current()} once per evaluation, so each evaluation runs against exactly one version
 * even when another is swapped in meanwhile. A reload compiles into a new, separate rule base (its own
 * {@code KnowledgeBuilder}, nothing shared with the one in service) and swaps the reference only when it
 * compiled and passed the checks; a rule base is never updated in place while sessions run. The replaced rule
 * base is not disposed explicitly: it lives in no KieRepository or KieContainer, so it becomes garbage, class
 * loader included, once the last in-flight evaluation holding it finishes.
 */
public final class RuleBaseInService {

    private static final Logger log = LoggerFactory.getLogger(RuleBaseInService.class);

    private final Path rulesDir;
    private final RuleBaseCompiler compiler;
    private final RuleBaseCheck check;
    private final Clock clock;
    private final AtomicReference<RuleBase> current = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> lastReload = new AtomicReference<>();
    private final List<Consumer<ReloadOutcome>> reloadListeners = new CopyOnWriteArrayList<>();

    /** Loads the folder once; a folder that does not load stops here, since there is no last good version yet. */
    public RuleBaseInService(Path rulesDir, RuleBaseCompiler compiler, RuleBaseCheck check, Clock clock) {
        this.rulesDir = rulesDir;
        this.compiler = compiler;
        this.check = check;
        this.clock = clock;
        ReloadOutcome first = reload();
        if (!first.ok()) {
            throw new InvalidRuleBaseException(first.errors());
        }
    }

    public RuleBase current() {
        return current.get();
    }

    public ReloadOutcome lastReload() {
        return lastReload.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /**
     * Tells the listener about the latest load, if one has finished, and then about every later one, successful
     * or rejected. Under the same lock as {@link #reload()}, so a listener added while a reload runs neither misses
     * it nor hears it twice.
     */
    public synchronized void onReload(Consumer<ReloadOutcome> listener) {
        reloadListeners.add(listener);
        ReloadOutcome latest = lastReload.get();
        if (latest != null) {
            listener.accept(latest);
        }
    }

    /** Compiles and checks the folder; swaps it in on success, keeps the last good version otherwise. */
    public synchronized ReloadOutcome reload() {
        Instant at = clock.instant();
        long start = System.nanoTime();
        ReloadOutcome outcome;
        Duration compiled = Duration.ZERO;
        try {
            RuleBase candidate = compiler.compile(rulesDir);
            compiled = elapsedSince(start);
            current.set(checked(candidate));
            outcome = new ReloadOutcome(at, true, candidate.version(), List.of(), elapsedSince(start));
        } catch (InvalidRuleBaseException e) {
            outcome = failed(at, e.errors(), start);
        } catch (RuntimeException e) {
            outcome = failed(at, List.of(new RuleError(".", 0, "the rules folder could not be loaded: "
                    + e.getMessage())), start);
        }
        lastReload.set(outcome);
        log(outcome, compiled);
        for (Consumer<ReloadOutcome> listener : reloadListeners) {
            listener.accept(outcome);
        }
        return outcome;
    }

    /**
     * Runs a change of the rules folder while no reload reads it, under the lock of {@link #reload()}: a reload
     * then sees all of the change or none of it, never a folder half written.
     */
    public synchronized void changeFolder(Runnable change) {
        change.run();
    }

    /**
     * Compiles and checks a folder exactly as a reload of the rules folder would, without putting it in service:
     * how a draft is judged before anyone publishes it.
     *
     * @throws InvalidRuleBaseException with every error, when the folder could not serve
     */
    public RuleBase candidate(Path dir) {
        return checked(compiler.compile(dir));
    }

    private RuleBase checked(RuleBase candidate) {
        List<RuleError> errors = check.check(candidate);
        if (!errors.isEmpty()) {
            throw new InvalidRuleBaseException(errors);
        }
        return candidate;
    }

    /** The compile and the scenario check apart: bench/startup.sh reads them to show where start-up goes. */
    private static void log(ReloadOutcome outcome, Duration compiled) {
        if (outcome.ok()) {
            log.info("Rule set {} in service (loaded in {} ms: compiled in {} ms, scenarios checked in {} ms)",
                    outcome.version(), outcome.took().toMillis(), compiled.toMillis(),
                    outcome.took().minus(compiled).toMillis());
        } else {
            log.warn("Rules reload rejected, rule set {} stays in service. Errors:\n{}", outcome.version(),
                    outcome.errors().stream().map(error -> "  " + error).collect(Collectors.joining("\n")));
        }
    }

    private ReloadOutcome failed(Instant at, List<RuleError> errors, long start) {
        RuleBase inService = current.get();
        return new ReloadOutcome(at, false, inService == null ? null : inService.version(), errors,
                elapsedSince(start));
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
