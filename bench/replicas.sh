#!/usr/bin/env bash
# Durable evaluations per second with one replica and with two on one PostgreSQL database: the packaged jar on
# loopback, a fresh database for each run, wrk posting the article's team A (examples/team-a.json) to
# POST /api/v1/evaluations: 16 connections to one instance, then 8 + 8 to two instances at once (two wrk
# processes). Every 200 is an answer committed to its replica's own transparency log; both replicas sign their
# checkpoints with one shared Ed25519 key (advisor.audit.signing-key) and have distinct advisor.instance.id, hence
# distinct logs. After each run GET /api/v1/audit/verify must answer ok:true, every log recomputed and its signed
# checkpoint checked. The last lines give the ratio 2 replicas / 1 replica (the goal: >= 0.9), with the CPU each
# process used in the measured window, since on a small machine the replicas, wrk and PostgreSQL share its cores.
#   bench/replicas.sh [SECONDS] [ROUNDS]        defaults: 20, after a 20 s warm-up (the JIT settles), and 1 round
# (1 replica then 2); more rounds alternate 1 and 2 again, and the ratio is of the means over rounds.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password, as in the tests), psql, openssl and wrk (installed
# with apt-get when missing and run as root; otherwise it says how). REPLICAS_WAITS=1 also samples
# pg_stat_activity's wait events during each measured window and prints the most frequent ones.
# REPLICAS_WARMUP (seconds, default 20) and REPLICAS_CONNECTIONS (in all, default 16, split evenly between two
# replicas) set the warm-up and the offered concurrency.
# REPLICAS_CPUS=split gives each of the two replicas a core of its own (taskset: replica a core 0, replica b core 1),
# as a CPU limit of one core per replica container does in a deployment: the JVM then sizes its collector, JIT and
# spinning to one core. The single replica keeps every core, as one container allowed the whole machine would.
# wrk and PostgreSQL are never pinned. Default: nothing pinned. BENCH_JAVA picks the java the replicas run on
# (default: the one on the PATH; e.g. production's JDK 25); REPLICAS_JAR another jar to run (e.g. the previous
# release's from bench/release-compare.sh; default: target/orm-advisor.jar, built when older than the sources).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
root="$PWD"
jar="$(readlink -f "${REPLICAS_JAR:-target/orm-advisor.jar}")"
seconds="${1:-20}"
rounds="${2:-1}"
warmup="${REPLICAS_WARMUP:-20}"
connections="${REPLICAS_CONNECTIONS:-16}"
sample_waits="${REPLICAS_WAITS:-0}"
cpus="${REPLICAS_CPUS:-shared}"
case "$cpus" in shared|split) ;; *) echo "REPLICAS_CPUS is shared or split, not '$cpus'" >&2; exit 2 ;; esac
psql=(psql -h 127.0.0.1 -U postgres -d test -qAtX)
work="$(mktemp -d)"
pids=()
databases=()
sampler=""

cleanup() {
    [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
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

# Starts replica $1 (its instance id, hence its log id) on database $2 on a free port, on the cores $3 (a taskset
# list; empty: all of them); sets $port and $pid once it is ready.
start_replica() {
    local name="$1" log="$work/$1.log" pinned=()
    [ -z "${3:-}" ] || pinned=(taskset -c "$3")
    (cd "$work" && exec ${pinned[@]+"${pinned[@]}"} "${BENCH_JAVA:-java}" -jar "$jar" --spring.profiles.active=postgres \
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$2" --server.port=0 \
        "--advisor.instance.id=$name" "--advisor.audit.signing-key=$work/signing-key.pem" \
        "--advisor.rules.dir=$root/rules") >"$log" 2>&1 &
    pid=$!
    pids+=("$pid")
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

stop_replica() { # pid
    kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true
}

# wrk against port $1 with $2 connections for $3 seconds, posting team A; its RESULT line in $4.
load() {
    wrk_post "http://127.0.0.1:$1/api/v1/evaluations" "$2" "$3" examples/team-a.json >"$4"
}

# Durable answers/s of RESULT files: the 2xx answers of each wrk process over its own duration, summed.
durable() {
    local total=0
    for result in "$@"; do
        total=$(awk -v total="$total" -v n="$(( $(field requests <"$result") - $(field non2xx <"$result") ))" \
            -v us="$(field duration_us <"$result")" 'BEGIN { printf "%.0f", total + n / (us / 1e6) }')
    done
    echo "$total"
}

report() { # label, connections, RESULT files...
    local label="$1" clients="$2" errors=0 latencies=""
    shift 2
    for result in "$@"; do
        errors=$(( errors + $(field non2xx <"$result") + $(field socket_errors <"$result") ))
        latencies+="$(awk -v p50="$(field p50_us <"$result")" -v p99="$(field p99_us <"$result")" \
            'BEGIN { printf "%.1f / %.1f ms  ", p50 / 1000, p99 / 1000 }')"
    done
    printf "%-10s %-12s %12s   %-36s %6s\n" "$label" "$clients" "$(durable "$@")" "$latencies" "$errors"
}

# CPU time (user + system, in clock ticks) of processes, and of the whole machine (busy and total) from /proc/stat.
ticks_of() {
    local sum=0
    for p in "$@"; do
        sum=$(( sum + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
    done
    echo "$sum"
}
postgres_ticks() {
    # Every backend of the server (the pools' connections live through the window) plus its auxiliary processes.
    ticks_of $(pgrep -x postgres || true)
}
machine_ticks() { # "busy total"
    awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; print busy, busy + $5 + $6 }' /proc/stat
}

# Runs the measured window: replicas' pids in $replica_pids, the load in the function named $1; prints one line
# of CPU shares of the window (cores' worth: 1.00 is one core busy the whole window).
measure_cpu() {
    local run="$1" label="$2" key="$3"
    local before_replicas=() p
    for p in $replica_pids; do before_replicas+=("$(ticks_of "$p")"); done
    local before_pg before_machine
    before_pg="$(postgres_ticks)"
    before_machine="$(machine_ticks)"
    local started
    started="$(date +%s%N)"
    if [ "$sample_waits" = 1 ]; then
        (while true; do
            "${psql[@]}" -F' ' -c "SELECT coalesce(wait_event_type, 'CPU'), coalesce(wait_event, 'running')
                FROM pg_stat_activity WHERE datname = '$database' AND state = 'active' AND pid <> pg_backend_pid()" \
                || true
            sleep 0.2
        done) >"$work/waits-$label" 2>/dev/null &
        sampler=$!
    fi
    "$run"
    if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; sampler=""; fi
    local elapsed_s hz
    elapsed_s="$(awk -v ns="$(( $(date +%s%N) - started ))" 'BEGIN { print ns / 1e9 }')"
    hz="$(getconf CLK_TCK)"
    local line="" i=0
    for p in $replica_pids; do
        line+="$(awk -v t="$(( $(ticks_of "$p") - before_replicas[i] ))" -v hz="$hz" -v s="$elapsed_s" \
            'BEGIN { printf "%.2f", t / hz / s }') "
        i=$((i + 1))
    done
    read -r busy_after total_after <<<"$(machine_ticks)"
    read -r busy_before total_before <<<"$before_machine"
    local replicas_cores postgres_cores machine_cores
    replicas_cores="$(awk -v l="$line" 'BEGIN { n = split(l, c, " "); for (i = 1; i <= n; i++) s += c[i]; print s }')"
    postgres_cores="$(awk -v t="$(( $(postgres_ticks) - before_pg ))" -v hz="$hz" -v s="$elapsed_s" \
        'BEGIN { printf "%.2f", t / hz / s }')"
    echo "$replicas_cores" >"$work/replica-cores-$key"
    machine_cores="$(awk -v b="$((busy_after - busy_before))" -v t="$((total_after - total_before))" -v n="$(nproc)" \
        'BEGIN { printf "%.2f", n * b / t }')"
    printf "%-22s replicas %-11s postgres (whole server) %s   wrk and all else %s   machine %s of %d\n" "$label" "$line" \
        "$postgres_cores" "$(awk -v m="$machine_cores" -v r="$replicas_cores" -v p="$postgres_cores" \
        'BEGIN { printf "%.2f", m - r - p }')" "$machine_cores" "$(nproc)" >>"$work/cpu"
    if [ "$sample_waits" = 1 ]; then
        echo "$label: pg_stat_activity samples of active backends (every 0.2 s), most frequent first:" >>"$work/waits"
        sort "$work/waits-$label" | uniq -c | sort -rn | head -n 8 | sed 's/^/    /' >>"$work/waits"
    fi
}

verify() { # port label: the verification must be ok
    local answer
    answer="$(curl -s "http://127.0.0.1:$1/api/v1/audit/verify")"
    if [ "$(jq -r '.ok' <<<"$answer" 2>/dev/null)" != true ]; then
        echo "GET /api/v1/audit/verify after $2 did not answer ok:true: $answer" >&2
        exit 1
    fi
    jq -r --arg what "$2" '"audit verify after \($what): ok, \(.checked) records in "
        + ([.logs[] | "\(.log) (\(.size))"] | join(", "))' <<<"$answer"
}

ensure_wrk
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${REPLICAS_JAR:-}" ] || ensure_jar
"${psql[@]}" -c "SELECT 1" >/dev/null
# One key for both replicas, as replicas in production share one mounted secret.
openssl genpkey -algorithm ed25519 -out "$work/signing-key.pem" 2>/dev/null

# One round: 1 replica, then 2, each on a fresh database; rounds alternate the two so drift falls on both.
for round in $(seq 1 "$rounds"); do
    fresh_database
    start_replica one "$database"
    one="$port"
    replica_pids="$pid"
    load "$one" "$connections" "$warmup" "$work/warmup-one"
    one_run() { load "$one" "$connections" "$seconds" "$work/measured-one-$round"; }
    measure_cpu one_run "round $round, 1 replica" "one-$round"
    verify "$one" "round $round, 1 replica" >>"$work/verified"
    stop_replica "$pid"

    fresh_database
    start_replica a "$database" "$([ "$cpus" = split ] && echo 0)"
    a="$port"
    pid_a="$pid"
    start_replica b "$database" "$([ "$cpus" = split ] && echo 1)"
    b="$port"
    replica_pids="$pid_a $pid"
    two_run() { # $1: warmup or measured
        local phase="${1:-measured}" duration
        duration="$([ "$phase" = warmup ] && echo "$warmup" || echo "$seconds")"
        load "$a" $((connections / 2)) "$duration" "$work/$phase-a-$round" &
        local first=$!
        load "$b" $((connections / 2)) "$duration" "$work/$phase-b-$round"
        wait "$first"
    }
    two_run warmup
    measure_cpu two_run "round $round, 2 replicas" "two-$round"
    verify "$a" "round $round, 2 replicas" >>"$work/verified"
    stop_replica "$pid_a"
    stop_replica "$pid"
done

echo "Durable evaluations over HTTP on one PostgreSQL database, ${seconds} s after a ${warmup} s warm-up, team A facts;" \
    "$rounds round(s); $(nproc) cores, load average before the run: $load_before; replicas' cores: $cpus"
printf "%-10s %-12s %12s   %-36s %6s\n" "replicas" "connections" "answers/s" "p50 / p99 (per wrk process)" "errors"
one_sum=0
two_sum=0
one_cpu=0
two_cpu=0
per_answer() { # cores answers/s -> ms of replica CPU per answer
    awk -v c="$1" -v r="$2" 'BEGIN { printf "%.2f", 1000 * c / r }'
}
for round in $(seq 1 "$rounds"); do
    report 1 "$connections" "$work/measured-one-$round"
    report 2 "$((connections / 2))+$((connections / 2))" "$work/measured-a-$round" "$work/measured-b-$round"
    one_rate="$(durable "$work/measured-one-$round")"
    two_rate="$(durable "$work/measured-a-$round" "$work/measured-b-$round")"
    one_sum=$((one_sum + one_rate))
    two_sum=$((two_sum + two_rate))
    one_cpu="$(awk -v a="$one_cpu" -v b="$(per_answer "$(cat "$work/replica-cores-one-$round")" "$one_rate")" 'BEGIN { print a + b }')"
    two_cpu="$(awk -v a="$two_cpu" -v b="$(per_answer "$(cat "$work/replica-cores-two-$round")" "$two_rate")" 'BEGIN { print a + b }')"
done
echo "CPU in the measured windows, in cores (1.00 = one core busy the whole window):"
sed 's/^/  /' "$work/cpu"
if [ "$sample_waits" = 1 ]; then cat "$work/waits"; fi
cat "$work/verified"
awk -v one="$one_cpu" -v two="$two_cpu" -v r="$rounds" 'BEGIN {
    printf "replica CPU per answer: 1 replica %.2f ms, 2 replicas %.2f ms (what a replica costs, whatever share of the" \
        " machine it got)\n", one / r, two / r }'
awk -v one="$one_sum" -v two="$two_sum" -v r="$rounds" 'BEGIN {
    printf "2 replicas / 1 replica: %.0f / %.0f answers/s = %.2fx (goal: >= 0.90x)\n", two / r, one / r, two / one }'
