#!/usr/bin/env bash
# Reload benchmark: N full reloads (compile + scenario-facts check + swap) of a copy of the rules folder,
# with reload times and metaspace after GC every 50 reloads.
#   bench/reload.sh [RULES_DIR] [RELOADS]       defaults: rules 200
set -euo pipefail
cd "$(dirname "$0")/.."
source_rules="${1:-rules}"
reloads="${2:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$source_rules" "$work/rules"
./mvnw -B -q -ntp -Pbench test-compile exec:java \
    -Dexec.mainClass=dev.ormadvisor.bench.ReloadBenchmark \
    -Dexec.classpathScope=test \
    -Dexec.args="$work/rules $reloads" | grep -v -E '^[0-9:.]+ \[.*\] (INFO|DEBUG)'

