package dev.ormadvisor.engine;

import dev.ormadvisor.ShippedRules;
import dev.ormadvisor.baseline.HandCodedAdvisor;
import dev.ormadvisor.baseline.HandCodedAdvisor.Advice;
import dev.ormadvisor.conclusions.Scores;
import dev.ormadvisor.conclusions.Verdict;
import dev.ormadvisor.conclusions.Warning;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.scenarios.Scenario;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one evaluation costs on the shipped rule base, against the same decision hand-coded in plain Java (the
 * floor), cycling through the facts of every scenario file:
 * <ul>
 * <li>{@code ruleBase}: {@link RuleBase#decide}, as the service calls it, firing trace included;</li>
 * <li>{@code ruleBaseWithoutTrace}: the same session without the trace's listeners, reading the conclusions out of
 * working memory instead, so that the difference is the price of knowing which rule fired;</li>
 * <li>{@code handCoded}: {@link HandCodedAdvisor}, which the agreement test keeps in step with the rules.</li>
 * </ul>
 * Defaults here suit a direct JMH run; {@code bench/engine.sh} runs it for throughput and sample time (p50/p99), on
 * 1 and 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = EngineBenchmark.QUIET_LOGGING)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    /** Without a logback configuration the forks would log at DEBUG into the measurements. */
    static final String QUIET_LOGGING = "-Dlogback.configurationFile=dev/ormadvisor/cli/logback-commands.xml";

    private static final int MAX_FIRINGS = 1000;

    private RuleBase ruleBase;
    private HandCodedAdvisor handCoded;
    private List<Facts> scenarioFacts;

    @Setup
    public void compileTheShippedRules() {
        ruleBase = new RuleBaseCompiler(MAX_FIRINGS).compile(ShippedRules.DIR);
        handCoded = new HandCodedAdvisor();
        scenarioFacts = new ScenarioFiles().read(ShippedRules.DIR.resolve("scenarios")).stream()
                .map(Scenario::facts).toList();
    }

    /** Each thread walks through the scenarios on its own, so threads never contend on a shared position. */
    @State(Scope.Thread)
    public static class ScenarioCycle {

        private int position;

        Facts next(List<Facts> scenarioFacts) {
            Facts facts = scenarioFacts.get(position);
            position = (position + 1) % scenarioFacts.size();
            return facts;
        }
    }

    /** What {@code ruleBaseWithoutTrace} reads out of working memory: the useful part of a {@link Decision}. */
    public record Conclusions(Verdict verdict, Scores scores, List<Warning> warnings) {

        static Conclusions in(KieSession session) {
            Verdict verdict = null;
            Scores scores = null;
            List<Warning> warnings = new ArrayList<>();
            for (Object conclusion : session.getObjects()) {
                if (conclusion instanceof Verdict found) {
                    verdict = found;
                } else if (conclusion instanceof Scores found) {
                    scores = found;
                } else if (conclusion instanceof Warning found) {
                    warnings.add(found);
                }
            }
            return new Conclusions(verdict, scores, warnings);
        }
    }

    @Benchmark
    public Decision ruleBase(ScenarioCycle cycle) {
        return ruleBase.decide(cycle.next(scenarioFacts));
    }

    @Benchmark
    public Conclusions ruleBaseWithoutTrace(ScenarioCycle cycle) {
        Facts facts = cycle.next(scenarioFacts);
        KieSession session = ruleBase.newSession();
        try {
            session.insert(facts.project());
            session.insert(facts.team());
            session.insert(facts.leaning());
            session.fireAllRules(MAX_FIRINGS + 1);
            return Conclusions.in(session);
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public Advice handCoded(ScenarioCycle cycle) {
        return handCoded.advise(cycle.next(scenarioFacts));
    }
}
