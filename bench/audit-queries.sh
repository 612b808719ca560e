#!/usr/bin/env bash
# Audit list-query benchmark: fills a fresh SQLite file (and a fresh PostgreSQL database at 127.0.0.1:5432 when
# reachable) with RECORDS evaluations, then times the read API's list query (AuditLog.search: page newest first + total) per filter.
#   bench/audit-queries.sh [RECORDS] [RUNS]       defaults: 1000000 5
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mvnw -B -q -ntp -Pbench test-compile exec:java \
    -Dexec.mainClass=dev.ormadvisor.audit.AuditQueryBenchmark \
    -Dexec.classpathScope=test \
    -Dexec.args="$records $runs $work" | grep -v -E '^[0-9:.TZ-]+ +(\[.*\] )?(INFO|DEBUG)|^[|+]'
