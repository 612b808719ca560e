#!/usr/bin/env bash
# Engine benchmark (JMH): one evaluation of the shipped rule base (RuleBase.decide) against the same decision
# hand-coded in plain Java, over the facts of every scenario file, on 1 and 2 threads (throughput, and sample time
# for p50/p99); the price of the firing trace (listeners on vs off, 1 thread); the rule base's build time, cold
# (first build in a fresh JVM) and warm (repeated builds, as a reload does). About 5 minutes on 2 cores.
# JMH's own results go to target/jmh/*.json and *.txt, then a summary is printed.
#   bench/engine.sh [JMH OPTIONS...]    passed to every run, e.g. -f 2, -wi 10, -prof gc (not -t, -bm or -tu)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/jmh
mkdir -p "$out"
./mvnw -B -q -ntp -Pbench test-compile
./mvnw -B -q -ntp -Pbench dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$out/classpath.txt" >/dev/null
classpath="target/test-classes:target/classes:$(cat "$out/classpath.txt")"

# jmh NAME JMH-ARGUMENTS...: one JMH run, results in $out/NAME.json, its report also in $out/NAME.txt.
jmh() {
    local name="$1"
    shift
    java -cp "$classpath" org.openjdk.jmh.Main "$@" -rf json -rff "$out/$name.json" | tee "$out/$name.txt"
}

engine='dev.ormadvisor.engine.EngineBenchmark'
jmh engine-throughput-1-thread "$engine" -bm thrpt -tu s -t 1 "$@"
jmh engine-latency-1-thread "$engine" -bm sample -tu us -t 1 "$@"
# The trace's price is a one-thread question: on 2 threads only the rule base and its floor.
jmh engine-throughput-2-threads "$engine\.(ruleBase|handCoded)$" -bm thrpt -tu s -t 2 "$@"
jmh engine-latency-2-threads "$engine\.(ruleBase|handCoded)$" -bm sample -tu us -t 2 "$@"
jmh build dev.ormadvisor.engine.RuleBaseBuildBenchmark "$@"

python3 - "$out" <<'PYTHON'
import json, pathlib, sys

out = pathlib.Path(sys.argv[1])
metrics = {}
for results in sorted(out.glob("*.json")):
    for run in json.loads(results.read_text()):
        method = run["benchmark"].rsplit(".", 1)[1]
        metrics[(method, run["mode"], run["threads"])] = run["primaryMetric"]

def ops_per_second(method, threads=1):
    return metrics[(method, "thrpt", threads)]["score"]

def micros(method, percentile, threads=1):
    return metrics[(method, "sample", threads)]["scorePercentiles"][percentile]

def threads_label(threads):
    return f"{threads} thread" + ("s" if threads > 1 else "")

print(f"\nSummary of {out}/*.json")
print(f"{'one evaluation':<34}{'p50 us':>9}{'p99 us':>10}{'ops/s':>13}")
for method, label in (("ruleBase", "rule base"), ("ruleBaseWithoutTrace", "rule base, trace off"),
                      ("handCoded", "hand-coded baseline")):
    for threads in (1, 2):
        if (method, "thrpt", threads) in metrics:
            print(f"{label + ', ' + threads_label(threads):<34}{micros(method, '50.0', threads):>9.2f}"
                  f"{micros(method, '99.0', threads):>10.2f}{ops_per_second(method, threads):>13,.0f}")
print()
p50 = micros("ruleBase", "50.0")
print(f"budget: rule base p50 <= 50 us on 1 thread: {p50:.1f} us, {'met' if p50 <= 50 else 'MISSED'}")
for threads in (1, 2):
    ratio = ops_per_second("ruleBase", threads) / ops_per_second("handCoded", threads)
    print(f"budget: rule base >= 1/3 of the baseline's throughput, {threads_label(threads)}: {ratio:.4f}, "
          f"{'met' if ratio >= 1 / 3 else 'MISSED'}")
traced, untraced = ops_per_second("ruleBase"), ops_per_second("ruleBaseWithoutTrace")
print(f"firing trace: {traced:,.0f} ops/s on, {untraced:,.0f} ops/s off ({untraced / traced - 1:+.0%} without it); "
      f"p50 {micros('ruleBase', '50.0'):.1f} us on, {micros('ruleBaseWithoutTrace', '50.0'):.1f} us off")
cold, warm = metrics[("cold", "ss", 1)], metrics[("warm", "sample", 1)]
first_builds = [shot for fork in cold["rawData"] for shot in fork]
print(f"rule base build: cold {cold['score']:.0f} ms (mean of {len(first_builds)} fresh JVMs, "
      f"{min(first_builds):.0f} to {max(first_builds):.0f}), warm {warm['score']:.0f} ms "
      f"(p50 {warm['scorePercentiles']['50.0']:.0f} ms)")
PYTHON
