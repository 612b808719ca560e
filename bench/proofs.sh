#!/usr/bin/env bash
# Inclusion-proof latency in a big log: fills one log to RECORDS leaves on each store through AuditStore.append in
# batches of 10,000 (an SQLite file, cached in target/bench-proofs/ for the next run, and a fresh PostgreSQL
# database at 127.0.0.1:5432 when reachable, dropped after), then times, one request at a time for random leaves
# against the whole tree: TransparencyLogs.inclusion (the query and the Merkle computation), and
# GET /api/v1/audit/logs/bench/proof?index=I&size=RECORDS on the packaged jar pointed at the same database.
# Median, p99 and max in ms; the target is under 50 ms on both stores.
#   bench/proofs.sh [RECORDS] [SAMPLES]        defaults: 1000000 1000
# A fill of 1,000,000 takes minutes; delete target/bench-proofs/ to fill the SQLite file again.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
samples="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f target/orm-advisor.jar ] && [ -z "$(find src/main rules pom.xml -newer target/orm-advisor.jar -print -quit)" ] \
    || ./mvnw -B -q -ntp -DskipTests package
./mvnw -B -q -ntp -Pbench test-compile exec:java \
    -Dexec.mainClass=dev.ormadvisor.audit.ProofBenchmark \
    -Dexec.classpathScope=test \
    -Dexec.args="$records $samples target/bench-proofs target/orm-advisor.jar $work" \
    | grep -v -E '^[0-9:.TZ-]+ +(\[.*\] )?(INFO|DEBUG|WARN)|^[|+]|^$'
