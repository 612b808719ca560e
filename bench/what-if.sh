#!/usr/bin/env bash
# What-if benchmark: how long WhatIf.flips takes on the rule base (one thread, after a warm-up), for facts with
# nothing known and for every example in examples/.
#   bench/what-if.sh [RULES_DIR] [ITERATIONS]       defaults: rules 2000
set -euo pipefail
cd "$(dirname "$0")/.."
rules="${1:-rules}"
iterations="${2:-2000}"
./mvnw -B -q -ntp -Pbench test-compile exec:java \
    -Dexec.mainClass=dev.ormadvisor.bench.WhatIfBenchmark \
    -Dexec.classpathScope=test \
    -Dexec.args="$rules $iterations" | grep -v -E '^[0-9:.]+ \[.*\] (INFO|DEBUG)'
