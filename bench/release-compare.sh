#!/usr/bin/env bash
# This jar against the previous release's, single replica, durable throughput: POST /api/v1/evaluations (rules
# fired, the answer committed to the audit trail before it is sent), wrk with 16 connections posting the example
# facts in turn, on the embedded SQLite default and on PostgreSQL at 127.0.0.1:5432 when reachable. Each run starts
# the jar on a fresh store, warms it up, then measures; the two jars alternate (prev, new, prev, new, ...) so that
# drift of a shared machine falls on both. Reports each run, each jar's mean and the ratio new / prev (target:
# within 10%, i.e. >= 0.90), and the CPU time the service used per answer in the measured window: on a machine
# shared with other work, throughput follows the CPU share the service gets, its cost per answer does not.
#   bench/release-compare.sh [SECONDS] [ROUNDS] [PREV_COMMIT]      defaults: 20 2 aa8e89b
# The previous release's jar is taken from a worktree of PREV_COMMIT that has target/orm-advisor.jar (see
# `git worktree list`), or else built into target/release-PREV_COMMIT/ (a worktree of that commit, kept for the
# next run). Needs wrk (installed with apt-get when missing and run as root; otherwise it says how).
# RELEASE_WARMUP (seconds, default 60) sets the warm-up: after 10 s the JIT was still compiling in the measured
# window, and its CPU counted against the jar with more code to compile (README, "The audit logs"). BENCH_JAVA
# picks the java both jars run on (default: the one on the PATH; e.g. production's JDK 25). RELEASE_STORES
# ("sqlite postgres") picks the stores.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
root="$PWD"
seconds="${1:-20}"
rounds="${2:-2}"
prev_commit="$(git rev-parse --verify "${3:-aa8e89b}^{commit}")"
warm_up="${RELEASE_WARMUP:-60}"
connections=16
work="$(mktemp -d)"
# run() is called in a subshell (its figures are read from it): what cleanup must undo is found by name, not kept
# in variables.
database_prefix="bench_release_$$_"
psql=(psql -q -h 127.0.0.1 -U postgres -d test -AtX)

cleanup() {
    if [ -f "$work/service.pid" ]; then kill "$(cat "$work/service.pid")" 2>/dev/null || true; sleep 1; fi
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
        for database in $("${psql[@]}" -c "SELECT datname FROM pg_database WHERE datname LIKE '${database_prefix}%'"); do
            "${psql[@]}" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null || true
        done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# The previous release's jar: from a worktree already at that commit, else built into target/.
prev_jar() {
    local tree
    tree="$(git worktree list --porcelain | awk -v c="$prev_commit" '
        /^worktree / { path = substr($0, 10) } /^HEAD / && $2 == c { print path }' | while read -r path; do
            [ -f "$path/target/orm-advisor.jar" ] && echo "$path" && break
        done || true)"
    if [ -z "$tree" ]; then
        tree="$root/target/release-${prev_commit:0:7}"
        if [ ! -f "$tree/target/orm-advisor.jar" ]; then
            echo "building the jar of ${prev_commit:0:7} in $tree" >&2
            [ -d "$tree" ] || git worktree add --detach "$tree" "$prev_commit" >&2
            (cd "$tree" && ./mvnw -B -q -ntp -DskipTests package) >&2
        fi
    fi
    echo "$tree/target/orm-advisor.jar"
}

# run JAR STORE -> "answers/s p50_ms p99_ms errors": the jar on a fresh store, warmed up, then measured.
run() {
    local jar="$1" store="$2" port settings=()
    local database=""
    port="$(free_port)"
    if [ "$store" = SQLite ]; then
        local file="$work/audit-$RANDOM$RANDOM.db"
        settings=("--spring.datasource.url=jdbc:sqlite:$file?journal_mode=WAL&synchronous=FULL&busy_timeout=10000")
    else
        database="${database_prefix}$RANDOM$RANDOM"
        "${psql[@]}" -c "CREATE DATABASE $database" >/dev/null
        settings=(--spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$database")
    fi
    (cd "$work" && exec "${BENCH_JAVA:-java}" -jar "$jar" --server.port="$port" --advisor.rules.dir="$root/rules" \
        "--advisor.audit.signing-key=$work/signing-key.pem" "${settings[@]}" >"$work/service.log" 2>&1) &
    local service_pid=$!
    echo "$service_pid" >"$work/service.pid"
    await_first_answer "$service_pid" "http://127.0.0.1:$port" "$work/service.log"
    wrk_post "http://127.0.0.1:$port/api/v1/evaluations" "$connections" "$warm_up" examples/*.json >/dev/null
    local result ticks_before ticks_after
    ticks_before="$(cpu_ticks "$service_pid")"
    result="$(wrk_post "http://127.0.0.1:$port/api/v1/evaluations" "$connections" "$seconds" examples/*.json)"
    ticks_after="$(cpu_ticks "$service_pid")"
    kill "$service_pid" && wait "$service_pid" 2>/dev/null || true
    rm -f "$work/service.pid"
    if [ -n "$database" ]; then "${psql[@]}" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null; fi
    rm -f "$work"/audit-*.db*
    awk -v requests="$(field requests <<<"$result")" -v non2xx="$(field non2xx <<<"$result")" \
        -v errors="$(field socket_errors <<<"$result")" -v us="$(field duration_us <<<"$result")" \
        -v p50="$(field p50_us <<<"$result")" -v p99="$(field p99_us <<<"$result")" \
        -v ticks="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.0f %.2f %.2f %d %.2f\n", (requests - non2xx) / (us / 1e6), p50 / 1000, p99 / 1000,
            non2xx + errors, 1000 * ticks / hz / (requests - non2xx) }'
}

# CPU time (user + system, clock ticks) the process has used.
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}

compare() { # store
    local store="$1" prev_sum=0 new_sum=0 prev_cpu=0 new_cpu=0 round which jar rate p50 p99 errors cpu
    for round in $(seq 1 "$rounds"); do
        for which in prev new; do
            jar="$([ "$which" = prev ] && echo "$prev" || echo "$new")"
            read -r rate p50 p99 errors cpu < <(run "$jar" "$store")
            printf '%-10s %-6s %5s %12s %9s %9s %7s %12s\n' "$store" "$which" "$round" "$rate" "$p50" "$p99" "$errors" \
                "$cpu"
            if [ "$which" = prev ]; then
                prev_sum=$((prev_sum + rate)); prev_cpu="$(awk -v a="$prev_cpu" -v b="$cpu" 'BEGIN { print a + b }')"
            else
                new_sum=$((new_sum + rate)); new_cpu="$(awk -v a="$new_cpu" -v b="$cpu" 'BEGIN { print a + b }')"
            fi
        done
    done
    awk -v store="$store" -v p="$prev_sum" -v n="$new_sum" -v r="$rounds" -v pc="$prev_cpu" -v nc="$new_cpu" 'BEGIN {
        printf "%-10s mean: prev %.0f/s, new %.0f/s; new / prev = %.2f (target: >= 0.90)\n", store, p / r, n / r, n / p
        printf "%-10s service CPU per answer: prev %.2f ms, new %.2f ms; prev / new = %.2f (the same comparison as a" \
            " cost, which other work on the machine does not change)\n\n", store, pc / r, nc / r, pc / nc }'
}

ensure_wrk
[ -f target/orm-advisor.jar ] && [ -z "$(find src/main rules pom.xml -newer target/orm-advisor.jar -print -quit)" ] \
    || ./mvnw -B -q -ntp -DskipTests package
new="$root/target/orm-advisor.jar"
prev="$(prev_jar)"
openssl genpkey -algorithm ed25519 -out "$work/signing-key.pem" 2>/dev/null
echo "prev: ${prev_commit:0:7} ($prev)"
echo "new:  $(git rev-parse --short HEAD)$([ -n "$(git status --porcelain -- src/main pom.xml)" ] && echo ' + uncommitted changes') ($new)"
echo "Durable evaluations (POST /api/v1/evaluations), one replica, wrk 2 threads $connections connections, ${seconds} s" \
    "after ${warm_up} s of warm-up, fresh store per run, jars alternating; $(nproc) cores, load average before:" \
    "$(cut -d' ' -f1-3 /proc/loadavg); $("${BENCH_JAVA:-java}" -version 2>&1 | head -n 1)"
printf '%-10s %-6s %5s %12s %9s %9s %7s %12s\n' store jar round answers/s "p50 ms" "p99 ms" errors "CPU ms/ans"
stores="${RELEASE_STORES:-sqlite postgres}"
if [[ " $stores " == *" sqlite "* ]]; then
    compare SQLite
fi
if [[ " $stores " == *" postgres "* ]]; then
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
        compare PostgreSQL
    else
        echo "PostgreSQL is not reachable at 127.0.0.1:5432: its rows are skipped"
    fi
fi
