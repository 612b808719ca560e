package dev.ormadvisor.bench;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Reloads the rule base the way the service does (compile, scenario-facts check, swap) N times, evaluating
 * between reloads so that old rule sets are really used before they are dropped, and reports reload times and
 * metaspace after a full GC at checkpoints. Run: {@code bench/reload.sh [RULES_DIR] [RELOADS]}.
 */
public final class ReloadBenchmark {

    private ReloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        int reloads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path edited = rules.resolve("zz-bench-edit.drl");
        RuleBaseInService inService = new RuleBaseInService(rules, new RuleBaseCompiler(1000),
                new ScenarioFactsCheck(new ScenarioFiles()), Clock.systemUTC());
        long[] millis = new long[reloads];
        System.out.printf("%-8s %14s %14s %10s%n", "reloads", "metaspace MB", "classes", "p50 ms");
        report(0, millis);
        try {
            for (int i = 0; i < reloads; i++) {
                // A different text each time: every reload is a new version, as with a real edit.
                Files.writeString(edited, "// benchmark edit " + i + "\n");
                ReloadOutcome outcome = inService.reload();
                if (!outcome.ok()) {
                    throw new IllegalStateException("reload failed: " + outcome.errors());
                }
                millis[i] = outcome.took().toMillis();
                inService.current().decide(Facts.NONE);
                if ((i + 1) % 50 == 0) {
                    report(i + 1, Arrays.copyOf(millis, i + 1));
                }
            }
        } finally {
            Files.deleteIfExists(edited);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("reload time over %d reloads: p50 %d ms, p95 %d ms, max %d ms (first %d ms)%n", reloads,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], millis[0]);
    }

    private static void report(int done, long[] millis) {
        System.gc();
        MemoryPoolMXBean metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace")).findFirst().orElseThrow();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-8d %14.1f %14d %10s%n", done, metaspace.getUsage().getUsed() / 1_048_576.0,
                classes.getLoadedClassCount(), sorted.length == 0 ? "-" : String.valueOf(percentile(sorted, 50)));
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
