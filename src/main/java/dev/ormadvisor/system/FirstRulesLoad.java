package dev.ormadvisor.system;

import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The first load of the rules folder (compile and scenario check), on a thread of its own so that it runs while
 * Spring creates the other beans instead of in line with them: it is the longest single step of a start (README,
 * Performance, "Start-up"). {@link #await()} hands over the rule base in service, or throws what the load threw,
 * so a folder that does not load still stops the start.
 */
final class FirstRulesLoad {

    private static final Logger log = LoggerFactory.getLogger(FirstRulesLoad.class);

    private final CompletableFuture<RuleBaseInService> loaded = new CompletableFuture<>();

    private FirstRulesLoad() {
    }

    /** Starts the load of the folder the settings name: bound here, before any bean exists to bind them. */
    static FirstRulesLoad start(Environment environment) {
        AdvisorProperties.Rules rules = Binder.get(environment).bindOrCreate("advisor", AdvisorProperties.class)
                .rules();
        log.info("Loading the rules from {}", rules.dir().toAbsolutePath().normalize());
        FirstRulesLoad load = new FirstRulesLoad();
        Thread thread = new Thread(() -> {
            try {
                load.loaded.complete(new RuleBaseInService(rules.dir(), new RuleBaseCompiler(rules.maxFirings()),
                        new ScenarioFactsCheck(new ScenarioFiles()), Clock.systemUTC()));
            } catch (RuntimeException | Error e) {
                load.loaded.completeExceptionally(e);
            }
        }, "rules-first-load");
        // A start that fails elsewhere must not wait for it to finish.
        thread.setDaemon(true);
        thread.start();
        return load;
    }

    RuleBaseInService await() {
        try {
            if (!loaded.isDone()) {
                long start = System.nanoTime();
                loaded.exceptionally(failure -> null).join();
                // How much of the load the rest of the start did not cover (bench/startup.sh shows it).
                log.info("Waited {} ms for the rules to load", (System.nanoTime() - start) / 1_000_000);
            }
            return loaded.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules were loading", e);
        }
    }
}
