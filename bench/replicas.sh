#!/usr/bin/env bash
# Durable evaluations per second with one replica and with two on one PostgreSQL database: the packaged jar on
# loopback, a fresh database for each run, wrk posting the article's team A (examples/team-a.json) to
# POST /api/v1/evaluations: 16 connections to one instance, then 8 + 8 to two instances at once (two wrk
# processes). Every 200 is an answer committed to the shared hash chain; the chain is verified after each run.
#   bench/replicas.sh [SECONDS]        default: 20, after a 20 s warm-up (the JIT settles)
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password, as in the tests), psql and wrk (installed with
# apt-get when missing and run as root; otherwise it says how).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
root="$PWD"
seconds="${1:-20}"
warmup=20
connections=16
psql=(psql -h 127.0.0.1 -U postgres -d test -qAtX)
work="$(mktemp -d)"
pids=()
databases=()

cleanup() {
    for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2>/dev/null || true; done
    for pid in ${pids[@]+"${pids[@]}"}; do wait "$pid" 2>/dev/null || true; done
    for database in ${databases[@]+"${databases[@]}"}; do
        "${psql[@]}" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

fresh_database() {
    database="bench_replicas_$RANDOM$RANDOM"
    "${psql[@]}" -c "CREATE DATABASE $database"
    databases+=("$database")
}

# Starts replica $1 on database $2 on a free port; sets $port once it is ready.
start_replica() {
    local name="$1" log="$work/$1.log"
    (cd "$work" && exec java -jar "$root/target/orm-advisor.jar" --spring.profiles.active=postgres \
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$2" --server.port=0 \
        "--advisor.instance.id=$name" "--advisor.rules.dir=$root/rules") >"$log" 2>&1 &
    pids+=($!)
    port=""
    for _ in $(seq 1 240); do
        port="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log")"
        if [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; then
            return
        fi
        sleep 0.5
    done
    echo "replica $name did not become ready; its log: $log" >&2
    tail -n 30 "$log" >&2
    exit 1
}

# wrk against port $1 with $2 connections for $3 seconds, posting team A; its RESULT line in $4.
load() {
    wrk_post "http://127.0.0.1:$1/api/v1/evaluations" "$2" "$3" examples/team-a.json >"$4"
}

report() { # label, connections, RESULT files...
    local label="$1" clients="$2" durable=0 errors=0 latencies=""
    shift 2
    for result in "$@"; do
        local answered=$(( $(field requests <"$result") - $(field non2xx <"$result") ))
        durable=$(awk -v total="$durable" -v n="$answered" -v us="$(field duration_us <"$result")" \
            'BEGIN { printf "%.0f", total + n / (us / 1e6) }')
        errors=$(( errors + $(field non2xx <"$result") + $(field socket_errors <"$result") ))
        latencies+="$(awk -v p50="$(field p50_us <"$result")" -v p99="$(field p99_us <"$result")" \
            'BEGIN { printf "%.1f / %.1f ms  ", p50 / 1000, p99 / 1000 }')"
    done
    printf "%-10s %-12s %12s   %-36s %6s\n" "$label" "$clients" "$durable" "$latencies" "$errors"
}

verify() { # port
    curl -s "http://127.0.0.1:$1/api/v1/audit/verify"
}

ensure_wrk
[ -f target/orm-advisor.jar ] || ./mvnw -B -q -ntp -DskipTests package
"${psql[@]}" -c "SELECT 1" >/dev/null

fresh_database
start_replica one "$database"
one="$port"
load "$one" "$connections" "$warmup" "$work/warmup-one"
load "$one" "$connections" "$seconds" "$work/measured-one"
chain_one="$(verify "$one")"
kill "${pids[0]}" && wait "${pids[0]}" || true

fresh_database
start_replica a "$database"
a="$port"
start_replica b "$database"
b="$port"
for phase in warmup measured; do
    duration="$([ "$phase" = warmup ] && echo "$warmup" || echo "$seconds")"
    load "$a" $((connections / 2)) "$duration" "$work/$phase-a" &
    first=$!
    load "$b" $((connections / 2)) "$duration" "$work/$phase-b"
    wait "$first"
done
chain_two="$(verify "$a")"

echo "Durable evaluations over HTTP on one PostgreSQL database, ${seconds} s after a ${warmup} s warm-up, team A facts"
printf "%-10s %-12s %12s   %-36s %6s\n" "replicas" "connections" "answers/s" "p50 / p99 (per wrk process)" "errors"
report 1 "$connections" "$work/measured-one"
report 2 "$((connections / 2))+$((connections / 2))" "$work/measured-a" "$work/measured-b"
echo "chain after 1 replica:  $chain_one"
echo "chain after 2 replicas: $chain_two"
