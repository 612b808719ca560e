#!/usr/bin/env bash
# HTTP benchmark: the packaged jar on loopback, driven by wrk. For each audit store (the embedded SQLite
# default, then PostgreSQL at 127.0.0.1:5432 when reachable, each fresh) it reports:
#   - start-up time: from `java -jar` until the first evaluation is answered;
#   - POST /api/v1/evaluations (rules fired, answer committed to the audit trail before it is sent) and, in the
#     same run, the parse-only floor (same filters, same strict parsing and validation, nothing evaluated or
#     stored; only with the `bench` profile): requests/s, p50/p99 and the ratio evaluations / floor;
#   - the resident memory (RSS) of the service after the run.
# Bodies are the example facts in examples/*.json, in turn.
#
#   bench/http.sh [SECONDS] [CONNECTIONS]        defaults: 30 16
#
# BENCH_JAVA picks the java (default: the one on the PATH; e.g. production's JDK 25), HTTP_JAVA_OPTS adds JVM
# options and HTTP_SERVICE_ARGS more --name=value settings for the service: to try a setting against the default.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds="${1:-30}"
connections="${2:-16}"
warm_up=10
service_work_folder

# drive URL SECONDS -> "requests/s p50_ms p99_ms non2xx"
drive() {
    local result
    result="$(wrk_post "$1" "$connections" "$2" examples/*.json)"
    awk -v requests="$(field requests <<<"$result")" -v us="$(field duration_us <<<"$result")" \
        -v p50="$(field p50_us <<<"$result")" -v p99="$(field p99_us <<<"$result")" \
        -v non2xx="$(field non2xx <<<"$result")" \
        'BEGIN { printf "%.0f %.2f %.2f %d\n", requests / (us / 1e6), p50 / 1000, p99 / 1000, non2xx }'
}

bench_store() {
    local store="$1"
    shift
    local port
    port="$(free_port)"
    local base="http://127.0.0.1:$port"
    local started
    started="$(date +%s%N)"
    # shellcheck disable=SC2086 # HTTP_JAVA_OPTS and HTTP_SERVICE_ARGS are lists
    (cd "$work" && exec "${BENCH_JAVA:-java}" ${HTTP_JAVA_OPTS:-} -jar "$OLDPWD/target/orm-advisor.jar" \
        --server.port="$port" --advisor.rules.dir="$OLDPWD/rules" "$@" ${HTTP_SERVICE_ARGS:-} \
        >"$work/$store.log" 2>&1) &
    service_pid=$!
    await_first_answer "$service_pid" "$base" "$work/$store.log"
    local startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))

    drive "$base/api/bench/parse-only" "$warm_up" >/dev/null
    drive "$base/api/v1/evaluations" "$warm_up" >/dev/null
    read -r floor_rps floor_p50 floor_p99 floor_errors < <(drive "$base/api/bench/parse-only" "$seconds")
    read -r eval_rps eval_p50 eval_p99 eval_errors < <(drive "$base/api/v1/evaluations" "$seconds")
    local rss_mb=$(( $(ps -o rss= -p "$service_pid") / 1024 ))
    kill "$service_pid" && wait "$service_pid" 2>/dev/null || true
    service_pid=""

    printf '%-10s %-22s %10s %9s %9s %8s\n' "$store" "parse-only floor" "$floor_rps" "$floor_p50" "$floor_p99" "$floor_errors"
    printf '%-10s %-22s %10s %9s %9s %8s\n' "$store" "evaluate + audit" "$eval_rps" "$eval_p50" "$eval_p99" "$eval_errors"
    printf '%-10s evaluate / floor: %s   start-up to first answer: %s ms   RSS after the run: %s MB\n\n' "$store" \
        "$(awk -v e="$eval_rps" -v f="$floor_rps" 'BEGIN { printf "%.0f %%", 100 * e / f }')" "$startup_ms" "$rss_mb"
}

ensure_wrk
ensure_jar
echo "wrk: 2 threads, $connections connections, ${seconds}s per measurement after ${warm_up}s warm-ups; $(nproc) cores;" \
    "$("${BENCH_JAVA:-java}" -version 2>&1 | head -n 1); JVM options: ${HTTP_JAVA_OPTS:-none};" \
    "settings: ${HTTP_SERVICE_ARGS:-none}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-22s %10s %9s %9s %8s\n' store endpoint requests/s "p50 ms" "p99 ms" non-2xx
bench_store SQLite --spring.profiles.active=bench \
    "--spring.datasource.url=jdbc:sqlite:$work/audit.db?journal_mode=WAL&synchronous=FULL&busy_timeout=10000"
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    fresh_postgres_database orm_advisor_bench
    bench_store PostgreSQL --spring.profiles.active=bench,postgres \
        "--spring.datasource.url=$postgres_url"
else
    echo "PostgreSQL is not reachable at 127.0.0.1:5432: its row is skipped"
fi
