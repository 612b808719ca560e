package dev.ormadvisor.engine;

import dev.ormadvisor.ShippedRules;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the real compile path ({@link RuleBaseCompiler} on the shipped rules folder, files read included) takes
 * to build the rule base:
 * <ul>
 * <li>{@code cold}: the first build in a fresh JVM, as at start-up: one shot per fork, so every fork pays class
 * loading, the DRL and MVEL compilers' first runs and an unwarmed JIT again;</li>
 * <li>{@code warm}: one build after another in one JVM, as reloads do.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleBaseBuildBenchmark {

    private final RuleBaseCompiler compiler = new RuleBaseCompiler(1000);

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 5, jvmArgsAppend = EngineBenchmark.QUIET_LOGGING)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public RuleBase cold() {
        return compiler.compile(ShippedRules.DIR);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Fork(value = 1, jvmArgsAppend = EngineBenchmark.QUIET_LOGGING)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public RuleBase warm() {
        return compiler.compile(ShippedRules.DIR);
    }
}
