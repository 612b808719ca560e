#!/usr/bin/env bash
# Audit store throughput with independent writers on PostgreSQL, without HTTP or rules: appends/s from 1, 2, 4 and 8
# writers appending at once, each the writer stack of one service instance (its own Hikari pool, GroupCommitWriter,
# AuditStore and log; one shared signing key), each kept busy by submitting threads of its own. Every row runs on a
# fresh database for SECONDS after a warm-up; the ratio column is against the first row (1 writer), measured in the
# same run. Throughput should grow with writers until PostgreSQL (or this machine's cores) is the limit.
#   bench/audit-writers.sh [SECONDS] [MAX_BATCH] [WRITER COUNTS...]      defaults: 10 256 1 2 4 8
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password, as in the tests); databases are dropped after.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
max_batch="${2:-256}"
shift $(( $# > 2 ? 2 : $# ))
counts="${*:-1 2 4 8}"
warmup=3
./mvnw -B -q -ntp -Pbench test-compile exec:java \
    -Dexec.mainClass=dev.ormadvisor.audit.AuditWritersBenchmark \
    -Dexec.classpathScope=test \
    -Dexec.args="$seconds $warmup $max_batch $counts" | grep -v -E '^[0-9:.TZ-]+ +(\[.*\] )?(INFO|DEBUG|WARN)|^[|+]|^$'
