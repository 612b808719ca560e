#!/usr/bin/env bash
# Reloads of the packaged jar, as an author's edit meets them: one replica alone (the floor), then two replicas
# on one rules folder at once on this machine's cores (what TwoInstancesIT times). Each first takes WARM_UP
# untimed edits (a fresh JVM's reloads are cold), then EDITS timed ones; the figure per edit is the service's own
# "loaded in" time (compile + scenario check), for two replicas that of the slower one.
#   bench/reload-fleet.sh [EDITS]       default 20; RELOAD_WARM_UP (30) untimed edits first
# RELOAD_JARS: the jars to measure in turn, e.g. "target/release-aa8e89b/target/orm-advisor.jar
# target/orm-advisor.jar" (default: target/orm-advisor.jar). BENCH_JAVA: the java to run them on.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
edits="${1:-20}"
warm_up="${RELOAD_WARM_UP:-30}"
java="${BENCH_JAVA:-java}"
[ -n "${RELOAD_JARS:-}" ] || ensure_jar
read -r -a jars <<<"${RELOAD_JARS:-target/orm-advisor.jar}"
work="$(mktemp -d)"
pids=()
stop_replicas() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop_replicas; rm -rf "$work"' EXIT

# measure JAR REPLICAS: prints "p50 p90 max" (ms) over the timed edits of the slower replica's reload times.
measure() {
    local jar="$1" replicas="$2" replica port edit
    rm -rf "$work/rules" "$work"/replica-*
    cp -r rules "$work/rules"
    for replica in $(seq 1 "$replicas"); do
        mkdir "$work/replica-$replica"
        port="$(free_port)"
        (cd "$work/replica-$replica" && ADVISOR_RULES_DIR="$work/rules" exec "$java" -jar "$(readlink -f "$jar")" \
            --server.port="$port" --advisor.instance.id="replica-$replica" >log 2>&1) &
        pids+=("$!")
        await_first_answer "$!" "http://127.0.0.1:$port" "$work/replica-$replica/log"
    done
    for edit in $(seq 1 $((warm_up + edits))); do
        # Far apart enough that no edit lands in another's reload: each is one reload of its own.
        printf 'package rules;\n// edit %s\n' "$edit" >"$work/rules/fleet-edit.drl"
        sleep 2.5
    done
    stop_replicas
    for replica in $(seq 1 "$replicas"); do
        grep -h 'in service (loaded in' "$work/replica-$replica/log" | tail -n "$edits" \
            | sed -E 's/.*loaded in ([0-9]+) ms.*/\1/' >"$work/times-$replica"
    done
    paste "$work"/times-* | awk '{ m = $1; for (i = 2; i <= NF; i++) if ($i > m) m = $i; print m }' | sort -n \
        | awk '{ t[NR] = $1 } END { printf "%d %d %d\n", t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], t[NR] }'
}

printf '%-50s %9s %22s %22s\n' jar replicas "reload p50/p90/max ms" "ratio to one (p50)"
for jar in "${jars[@]}"; do
    read -r one_p50 one_p90 one_max <<<"$(measure "$jar" 1)"
    read -r two_p50 two_p90 two_max <<<"$(measure "$jar" 2)"
    printf '%-50s %9s %22s %22s\n' "$jar" 1 "$one_p50/$one_p90/$one_max" 1.00
    printf '%-50s %9s %22s %22s\n' "$jar" 2 "$two_p50/$two_p90/$two_max" \
        "$(awk -v a="$two_p50" -v b="$one_p50" 'BEGIN { printf "%.2f", a / b }')"
done
