#!/usr/bin/env bash
# Durable evaluations per second over HTTP: the packaged jar on loopback with a fresh SQLite store, then with a
# fresh PostgreSQL database at 127.0.0.1:5432 when reachable; CLIENTS concurrent clients for SECONDS each.
#   bench/http-audit.sh [SECONDS] [CLIENTS]       defaults: 20 16
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
clients="${2:-16}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mvnw -B -q -ntp -DskipTests package
./mvnw -B -q -ntp -Pbench test-compile exec:java \
    -Dexec.mainClass=dev.ormadvisor.bench.HttpAuditBenchmark \
    -Dexec.classpathScope=test \
    -Dexec.args="$seconds $clients $work" | grep -v -E '^[0-9:.TZ-]+ +(\[.*\] )?(INFO|DEBUG)'
