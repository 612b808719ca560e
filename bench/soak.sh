#!/usr/bin/env bash
# Soak: the packaged jar under a steady load for a long time, looking for what only time shows (a leak of heap,
# native memory, metaspace, threads or file descriptors; latency creeping up; a request failing).
#
# It measures the saturated throughput first (a short wrk burst, flat out), then drives half of it, paced, for
# SOAK_MINUTES, while a copy of the rules folder is edited every minute (alternating two versions, so every minute is
# a real reload picked up by the folder watcher). After every window of SOAK_SAMPLE_MINUTES it records: heap after a
# full GC, RSS, metaspace, live threads, open file descriptors, the audit store's size, and the window's p50/p99 and
# failed requests. It prints a markdown table and exits 1, naming each reason, when:
#   - heap after GC or RSS grew by more than 10 % from the warm-up (SOAK_WARMUP_MINUTES) to the end;
#   - live threads or open descriptors at the end are above every value seen up to the end of the warm-up;
#   - the worst window's p99 after the warm-up is more than twice the first window's after it;
#   - any request failed (non-2xx, socket error or timeout), in the burst or in the soak;
#   - a reload was rejected, or none happened.
#
#   bench/soak.sh                                    the embedded SQLite store, 60 minutes
#   SOAK_STORE=postgres bench/soak.sh                a fresh database on PostgreSQL at 127.0.0.1:5432
#   SOAK_MINUTES=6 SOAK_SAMPLE_MINUTES=1 SOAK_WARMUP_MINUTES=2 bench/soak.sh    a short run of the same logic
#
# Other settings: SOAK_CONNECTIONS (16), SOAK_RATE (requests/s; default half the measured saturation),
# SOAK_RELOAD_SECONDS (60), SOAK_STATISTICS_INTERVAL (5m: SQLite's statistics refresh, hourly in production),
# SOAK_JAVA_OPTS (JVM options for the service, e.g. -Xmx512m). Not part of verify.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

minutes="${SOAK_MINUTES:-60}"
sample_minutes="${SOAK_SAMPLE_MINUTES:-5}"
warmup_minutes="${SOAK_WARMUP_MINUTES:-10}"
store="${SOAK_STORE:-sqlite}"
connections="${SOAK_CONNECTIONS:-16}"
reload_seconds="${SOAK_RELOAD_SECONDS:-60}"
burst_seconds=20
threads=2

for setting in minutes sample_minutes warmup_minutes connections reload_seconds; do
    [[ "${!setting}" =~ ^[1-9][0-9]*$ ]] || { echo "$setting must be a whole number above 0, not '${!setting}'" >&2; exit 2; }
done
if (( minutes % sample_minutes != 0 || warmup_minutes % sample_minutes != 0 || warmup_minutes >= minutes )); then
    echo "SOAK_MINUTES ($minutes) and SOAK_WARMUP_MINUTES ($warmup_minutes) must be multiples of" \
        "SOAK_SAMPLE_MINUTES ($sample_minutes), with the warm-up shorter than the soak" >&2
    exit 2
fi
case "$store" in sqlite|postgres) ;; *) echo "SOAK_STORE is sqlite or postgres, not '$store'" >&2; exit 2 ;; esac

work="$(mktemp -d)"
service_pid=""
reloader_pid=""
postgres_db=""
psql_admin=(psql -q -X -h 127.0.0.1 -U postgres -d postgres)

# Keeps the service's log as target/soak-service.log. Never fails: the script's own exit status stands.
cleanup() {
    if [ -n "$reloader_pid" ]; then kill "$reloader_pid" 2>/dev/null; wait "$reloader_pid" 2>/dev/null || true; fi
    if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null || true; fi
    if [ -n "$postgres_db" ]; then
        "${psql_admin[@]}" -c "DROP DATABASE IF EXISTS $postgres_db WITH (FORCE)" >/dev/null || true
    fi
    if [ -f "$work/service.log" ]; then cp "$work/service.log" target/soak-service.log || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Heap after a full GC (MB: survivors and old generation from jstat right after GC.run; the full GC leaves the live
# objects there, and eden only holds what was allocated since), RSS (MB), metaspace (MB), live Java threads, open
# descriptors, audit store (MB): one line, space-separated.
resources() {
    jcmd "$service_pid" GC.run >/dev/null
    local heap_and_metaspace heap metaspace rss live_threads descriptors store_bytes
    heap_and_metaspace="$(jstat -gc "$service_pid" | awk '
        NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i }
        NR == 2 { printf "%.1f %.1f", ($column["S0U"] + $column["S1U"] + $column["OU"]) / 1024,
                  $column["MU"] / 1024 }')"
    rss="$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$service_pid/status")"
    live_threads="$(jcmd "$service_pid" PerfCounter.print | sed -n 's/^java\.threads\.live=//p')"
    descriptors="$(find "/proc/$service_pid/fd" -mindepth 1 -maxdepth 1 | wc -l)"
    if [ "$store" = sqlite ]; then
        store_bytes="$(cat "$work"/data/orm-advisor.db* | wc -c)"
    else
        store_bytes="$("${psql_admin[@]}" -d "$postgres_db" -tA -c 'SELECT pg_database_size(current_database())')"
    fi
    read -r heap metaspace <<<"$heap_and_metaspace"
    echo "$heap $rss $metaspace $live_threads $descriptors $(awk -v b="$store_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')"
}

# Edits the watched copy of the rules every SOAK_RELOAD_SECONDS, alternating between the shipped text and the
# shipped text with one more comment line: two rule set versions, each edit a full reload. Each version is written
# beside the folder and renamed into it, so the watcher never reads a half-written file.
reload_every_interval() {
    local file="$work/rules/verdict.drl" original="$work/verdict.drl.original" edited="$work/verdict.drl.edited"
    cp "$file" "$original"
    { cat "$original"; echo "// soak: the edited version"; } >"$edited"
    local version=0
    while sleep "$reload_seconds"; do
        version=$(( 1 - version ))
        if [ "$version" = 1 ]; then cp "$edited" "$work/verdict.drl.next"; else cp "$original" "$work/verdict.drl.next"; fi
        mv "$work/verdict.drl.next" "$file"
    done
}

# paced_window SECONDS -> the RESULT line of wrk driving SOAK_RATE requests/s for that long.
paced_window() {
    PACED_RATE="$rate" PACED_THREADS="$threads" wrk -t"$threads" -c"$connections" -d"$1s" --timeout "$WRK_TIMEOUT" \
        -s bench/wrk/paced-post-examples.lua "$base/api/v1/evaluations" -- examples/*.json | grep '^RESULT'
}

ensure_wrk
ensure_jar
cp -r rules "$work/rules"
port="$(free_port)"
base="http://127.0.0.1:$port"
# SQLite's planner statistics are refreshed every 5 minutes instead of hourly (SOAK_STATISTICS_INTERVAL), so that
# the hour runs that refresh under load a dozen times, not once at its very end.
settings=("--advisor.audit.sqlite-statistics-interval=${SOAK_STATISTICS_INTERVAL:-5m}")
if [ "$store" = postgres ]; then
    postgres_db="orm_advisor_soak_$$"
    "${psql_admin[@]}" -c "CREATE DATABASE $postgres_db" >/dev/null
    settings=(--spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$postgres_db")
fi
# From the work folder: the embedded store and the generated signing key go to its data/.
# shellcheck disable=SC2086 # SOAK_JAVA_OPTS is a list of JVM options
(cd "$work" && exec java ${SOAK_JAVA_OPTS:-} -jar "$OLDPWD/target/orm-advisor.jar" --server.port="$port" \
    --advisor.rules.dir="$work/rules" "${settings[@]}" >"$work/service.log" 2>&1) &
service_pid=$!
await_first_answer "$service_pid" "$base" "$work/service.log"

# A slow answer is not a failed one: the burst waits as long for an answer as the soak does.
export WRK_TIMEOUT=15s
wrk_post "$base/api/v1/evaluations" "$connections" "$burst_seconds" examples/*.json >/dev/null
burst="$(wrk_post "$base/api/v1/evaluations" "$connections" "$burst_seconds" examples/*.json)"
saturated="$(awk -v r="$(field requests <<<"$burst")" -v us="$(field duration_us <<<"$burst")" \
    'BEGIN { printf "%.0f", r / (us / 1e6) }')"
burst_failed=$(( $(field non2xx <<<"$burst") + $(field socket_errors <<<"$burst") ))
rate="${SOAK_RATE:-$(( saturated / 2 ))}"
echo "store: $store; saturated: $saturated requests/s (wrk -t$threads -c$connections, ${burst_seconds}s after a" \
    "${burst_seconds}s warm-up, $burst_failed failed); soak: $rate requests/s for $minutes min, a reload every" \
    "${reload_seconds}s, a sample every $sample_minutes min; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

reload_every_interval &
reloader_pid=$!
samples=("0 0 0 0 0 0 $(resources)")
for (( minute = sample_minutes; minute <= minutes; minute += sample_minutes )); do
    result="$(paced_window $(( sample_minutes * 60 )))"
    failed=$(( $(field non2xx <<<"$result") + $(field socket_errors <<<"$result") ))
    samples+=("$minute $(field requests <<<"$result") \
$(awk -v r="$(field requests <<<"$result")" -v us="$(field duration_us <<<"$result")" 'BEGIN { printf "%.0f", r / (us / 1e6) }') \
$(awk -v us="$(field p50_us <<<"$result")" 'BEGIN { printf "%.2f", us / 1000 }') \
$(awk -v us="$(field p99_us <<<"$result")" 'BEGIN { printf "%.2f", us / 1000 }') $failed $(resources)")
    echo "minute $minute done" >&2
done
kill "$reloader_pid" && wait "$reloader_pid" 2>/dev/null || true
reloader_pid=""
reloads="$(curl -s "$base/actuator/prometheus" | awk '
    /^advisor_rules_reloads_total\{.*outcome="ok"/ { ok += $NF } /^advisor_rules_reloads_total\{.*outcome="rejected"/ { rejected += $NF }
    END { printf "%d %d", ok, rejected }')"

echo
echo "| minute | requests | requests/s | p50 ms | p99 ms | failed | heap after GC MB | RSS MB | metaspace MB | live threads | open fds | audit store MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for line in "${samples[@]}"; do
    read -r minute requests per_second p50 p99 failed heap rss metaspace live_threads descriptors store_mb <<<"$line"
    if [ "$minute" = 0 ]; then
        echo "| 0 (after the burst) | | | | | | $heap | $rss | $metaspace | $live_threads | $descriptors | $store_mb |"
    else
        echo "| $minute | $requests | $per_second | $p50 | $p99 | $failed | $heap | $rss | $metaspace | $live_threads | $descriptors | $store_mb |"
    fi
done
echo

# The checks, over the samples: the warm-up's last sample is the reference, the windows after it are judged.
verdict="$(printf '%s\n' "${samples[@]}" | awk -v warmup="$warmup_minutes" -v burst_failed="$burst_failed" \
    -v reloads_ok="${reloads% *}" -v reloads_rejected="${reloads#* }" '
    { minute[NR] = $1; p99[NR] = $5; failed[NR] = $6; heap[NR] = $7; rss[NR] = $8; threads[NR] = $10; fds[NR] = $11 }
    $1 == warmup { reference = NR }
    END {
        last = NR
        for (i = 1; i <= reference; i++) {
            if (threads[i] > threads_seen) threads_seen = threads[i]
            if (fds[i] > fds_seen) fds_seen = fds[i]
        }
        first_p99 = p99[reference + 1]
        for (i = reference + 1; i <= last; i++) if (p99[i] > worst_p99) { worst_p99 = p99[i]; worst_at = minute[i] }
        for (i = 2; i <= last; i++) failures += failed[i]
        check(heap[last] <= 1.10 * heap[reference], sprintf("heap after GC %.1f MB at minute %d, %.1f MB at the end (%+.1f %%, limit +10 %%)",
            heap[reference], warmup, heap[last], 100 * (heap[last] / heap[reference] - 1)))
        check(rss[last] <= 1.10 * rss[reference], sprintf("RSS %.1f MB at minute %d, %.1f MB at the end (%+.1f %%, limit +10 %%)",
            rss[reference], warmup, rss[last], 100 * (rss[last] / rss[reference] - 1)))
        check(threads[last] <= threads_seen, sprintf("live threads %d at the end, at most %d up to minute %d",
            threads[last], threads_seen, warmup))
        check(fds[last] <= fds_seen, sprintf("open descriptors %d at the end, at most %d up to minute %d",
            fds[last], fds_seen, warmup))
        check(worst_p99 <= 2 * first_p99, sprintf("p99 %.2f ms in the first window after the warm-up, worst %.2f ms (minute %d; limit 2x)",
            first_p99, worst_p99, worst_at))
        check(failures + burst_failed == 0, sprintf("failed requests: %d in the soak, %d in the burst", failures, burst_failed))
        check(reloads_ok > 0 && reloads_rejected == 0, sprintf("reloads: %d ok, %d rejected (the load at start-up counts as one)",
            reloads_ok, reloads_rejected))
        exit (failed_checks > 0)
    }
    function check(ok, what) { printf "%s %s\n", ok ? "ok:  " : "FAIL:", what; if (!ok) failed_checks++ }
')" && status=0 || status=$?
echo "$verdict"
if [ "$status" != 0 ]; then
    echo "the service's warnings and errors (the whole log is kept as target/soak-service.log):"
    grep -A 6 -E ' (WARN|ERROR) ' "$work/service.log" | tail -n 40 || true
    exit 1
fi
