#!/usr/bin/env bash
# Latency at a steady rate (an open loop): the packaged jar on production's JDK (25, bench/lib.sh's jdk25_home;
# the default java when the machine has none), on each audit store, fresh. For each store it measures the saturated
# throughput (wrk flat out, after a warm-up), then drives POST /api/v1/evaluations at LATENCY_PERCENTS of it, each
# paced for SECONDS (bench/wrk/paced-post-examples.lua: send slots a fixed interval apart, whatever the latency),
# and reports p50, p99 and p99.9 of each rate. In the same run, at the middle rate, the parse-only floor (same
# filters and parsing, nothing fired or stored: the `bench` profile) shows what the machine and the HTTP stack
# alone cost at that rate. And, before each store, the disk's own floor: a durable answer waits for at least one
# flush of the store's log, so the script times 500 flushes (write 4 KB, fsync, 100 a second) in the folder the
# embedded store writes to.
#
#   bench/latency.sh [SECONDS]                      default 30 per rate
#   LATENCY_JAVA_OPTS="-XX:+UseZGC -Xmx512m" bench/latency.sh      a collector or heap size to try
#
# Other settings: LATENCY_STORES ("sqlite postgres"; postgres needs 127.0.0.1:5432), LATENCY_PERCENTS ("25 50 75"),
# LATENCY_CONNECTIONS (16). Every request must be answered 2xx: a failed one fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds="${1:-30}"
stores="${LATENCY_STORES:-sqlite postgres}"
percents="${LATENCY_PERCENTS:-25 50 75}"
connections="${LATENCY_CONNECTIONS:-16}"
threads=2
warm_up=20
service_work_folder

java_home="$(jdk25_home)"
java="${java_home:+$java_home/bin/}java"

# paced PATH RATE -> "achieved_rps p50_ms p99_ms p999_ms failed"
paced() {
    local result
    result="$(PACED_RATE="$2" PACED_THREADS="$threads" wrk -t"$threads" -c"$connections" -d"${seconds}s" \
        --timeout 15s -s bench/wrk/paced-post-examples.lua "$base$1" -- examples/*.json | grep '^RESULT')"
    awk -v requests="$(field requests <<<"$result")" -v us="$(field duration_us <<<"$result")" \
        -v p50="$(field p50_us <<<"$result")" -v p99="$(field p99_us <<<"$result")" \
        -v p999="$(field p999_us <<<"$result")" \
        -v failed="$(( $(field non2xx <<<"$result") + $(field socket_errors <<<"$result") ))" \
        'BEGIN { printf "%.0f %.2f %.2f %.2f %d\n", requests / (us / 1e6), p50 / 1000, p99 / 1000, p999 / 1000, failed }'
}

# The disk's flush latency in $work: "p50 p99 p99.9" in ms of write 4 KB + fsync, 500 times at 100 a second.
disk_flush() {
    python3 - "$work/flush-probe" <<'PYTHON'
import os, sys, time
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
took = []
for _ in range(500):
    started = time.perf_counter()
    os.write(fd, b"x" * 4096)
    os.fsync(fd)
    took.append((time.perf_counter() - started) * 1000)
    time.sleep(0.01)
os.close(fd)
os.remove(sys.argv[1])
took.sort()
print("%.2f %.2f %.2f" % (took[len(took) // 2], took[int(len(took) * 0.99)], took[int(len(took) * 0.999)]))
PYTHON
}

failures=0
bench_store() {
    local store="$1"
    shift
    local port
    port="$(free_port)"
    base="http://127.0.0.1:$port"
    # shellcheck disable=SC2086 # LATENCY_JAVA_OPTS is a list of JVM options
    (cd "$work" && exec "$java" ${LATENCY_JAVA_OPTS:-} -jar "$OLDPWD/target/orm-advisor.jar" --server.port="$port" \
        --advisor.rules.dir="$OLDPWD/rules" "$@" >"$work/$store.log" 2>&1) &
    service_pid=$!
    await_first_answer "$service_pid" "$base" "$work/$store.log"
    local flush
    flush="$(disk_flush)"
    # shellcheck disable=SC2086 # three figures, one per column
    printf '| %s | disk flush (write 4 KB + fsync) | 100/s | | %s | %s | %s | |\n' "$store" $flush

    wrk_post "$base/api/bench/parse-only" "$connections" "$warm_up" examples/*.json >/dev/null
    wrk_post "$base/api/v1/evaluations" "$connections" "$warm_up" examples/*.json >/dev/null
    local burst saturated
    burst="$(WRK_TIMEOUT=15s wrk_post "$base/api/v1/evaluations" "$connections" "$warm_up" examples/*.json)"
    saturated="$(awk -v r="$(field requests <<<"$burst")" -v us="$(field duration_us <<<"$burst")" \
        'BEGIN { printf "%.0f", r / (us / 1e6) }')"
    local middle
    middle="$(tr ' ' '\n' <<<"$percents" | sort -n | awk '{ p[NR] = $1 } END { print p[int((NR + 1) / 2)] }')"
    for percent in $percents; do
        local rate=$(( saturated * percent / 100 ))
        read -r achieved p50 p99 p999 failed < <(paced /api/v1/evaluations "$rate")
        printf '| %s | evaluate + audit | %d %% of %d/s | %d/s | %s | %s | %s | %d |\n' "$store" "$percent" \
            "$saturated" "$achieved" "$p50" "$p99" "$p999" "$failed"
        failures=$(( failures + failed ))
        if [ "$percent" = "$middle" ]; then
            read -r achieved p50 p99 p999 failed < <(paced /api/bench/parse-only "$rate")
            printf '| %s | parse-only floor | %d %% of %d/s | %d/s | %s | %s | %s | %d |\n' "$store" "$percent" \
                "$saturated" "$achieved" "$p50" "$p99" "$p999" "$failed"
            failures=$(( failures + failed ))
        fi
    done
    kill "$service_pid" && wait "$service_pid" 2>/dev/null || true
    service_pid=""
}

ensure_wrk
ensure_jar
echo "$("$java" -version 2>&1 | head -n 1); JVM options: ${LATENCY_JAVA_OPTS:-none}; wrk -t$threads -c$connections," \
    "${seconds}s per rate; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| store | endpoint | rate | achieved | p50 ms | p99 ms | p99.9 ms | failed |"
echo "|---|---|---|---|---|---|---|---|"
for store in $stores; do
    case "$store" in
        sqlite)
            bench_store SQLite --spring.profiles.active=bench ;;
        postgres)
            if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
                echo "PostgreSQL is not reachable at 127.0.0.1:5432: its rows are skipped" >&2
                continue
            fi
            fresh_postgres_database orm_advisor_latency
            bench_store PostgreSQL --spring.profiles.active=bench,postgres \
                "--spring.datasource.url=$postgres_url" ;;
        *)
            echo "LATENCY_STORES holds sqlite and postgres, not '$store'" >&2
            exit 2 ;;
    esac
done
if [ "$failures" != 0 ]; then
    echo "$failures requests failed" >&2
    exit 1
fi
