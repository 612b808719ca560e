package dev.ormadvisor.bench;

import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.WhatIf;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.FactsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times {@link WhatIf#flips} on the shipped rule base, one thread, after a warm-up: for every example in
 * {@code examples/} and for facts with nothing known (the most changes to try). Run:
 * {@code bench/what-if.sh [RULES_DIR] [ITERATIONS]}.
 */
public final class WhatIfBenchmark {

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        RuleBase ruleBase = new RuleBaseCompiler(1000).compile(rules);
        Map<String, Facts> cases = new LinkedHashMap<>();
        cases.put("nothing known", Facts.NONE);
        try (var examples = Files.list(Path.of("examples"))) {
            for (Path example : examples.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                cases.put(example.getFileName().toString(), FactsJson.strictMapper()
                        .readValue(example.toFile(), EvaluationRequest.class).facts());
            }
        }
        for (Facts facts : cases.values()) {
            for (int i = 0; i < iterations; i++) {
                WhatIf.flips(ruleBase, facts);
            }
        }
        System.out.printf("what-if on rule set %s, %d runs each after %d warm-up runs%n", ruleBase.version(),
                iterations, iterations);
        System.out.printf("%-45s %6s %9s %9s %9s %9s%n", "facts", "flips", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (Map.Entry<String, Facts> entry : cases.entrySet()) {
            long[] nanos = new long[iterations];
            int flips = 0;
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                flips = WhatIf.flips(ruleBase, entry.getValue()).size();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%-45s %6d %9.2f %9.2f %9.2f %9.2f%n", entry.getKey(), flips, millis(nanos, 50),
                    millis(nanos, 95), millis(nanos, 99), nanos[nanos.length - 1] / 1e6);
        }
    }

    private static double millis(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
