#!/usr/bin/env bash
# Start-up to the first answer, the production way: the Dockerfile's ENTRYPOINT, run as the image runs it (in
# the folder deploy/extract-and-train.sh lays out, with the image's JAVA_TOOL_OPTIONS, on a JDK 25), from the
# process start until POST /api/v1/evaluations is answered 200 (curl polling every 20 ms). Each run starts on a
# fresh, empty data folder, as a new container on a new volume does: Flyway migrates an empty SQLite database
# and the signing key is generated. In the same run, interleaved with it (baseline, production, baseline, ...):
# the baseline, `java -jar target/orm-advisor.jar` on the default java. Prints each run, the median of every
# phase (from the service's log) and, last, the median of the production runs as `first answer: N ms`.
#
#   bench/startup.sh [RUNS]        default 5; BASELINE=0 skips the baseline
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs="${1:-5}"
work="$(mktemp -d)"
service_pid=""

cleanup() {
    [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

jdk25="$(jdk25_home)"
if [ -z "$jdk25" ]; then
    echo "$(basename "$0") needs a JDK 25, production's java (Dockerfile): set JAVA25_HOME" >&2
    exit 2
fi
ensure_jar

# The image's start command and environment, read from the Dockerfile so that this measures exactly them.
mapfile -t entrypoint < <(sed -n 's/^ENTRYPOINT //p' Dockerfile | python3 -c 'import json, sys; print(*json.load(sys.stdin), sep="\n")')
tool_options="$(sed -n 's/.*JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)"

mkdir -p "$work/app" "$work/baseline"
cp -r rules "$work/app/rules"
echo "preparing the production layout (extract and training run) with $jdk25 ..."
PATH="$jdk25/bin:$PATH" ADVISOR_RULES_DIR="$work/app/rules" deploy/extract-and-train.sh target/orm-advisor.jar "$work/app" \
    >"$work/training.log" 2>&1 || { tail -n 30 "$work/training.log" >&2; exit 1; }

# start NAME DIR JAVA_HOME COMMAND...: one start on a fresh data folder; appends "NAME START_MS ANSWER_MS LOG" to
# $work/runs once the first evaluation is answered, then stops the service.
start() {
    local name="$1" dir="$2" java_home="$3"
    shift 3
    local port log="$work/$name-$(wc -l <"$work/runs").log"
    port="$(free_port)"
    rm -rf "$dir/data"
    local started
    started="$(date +%s%3N)"
    (cd "$dir" && PATH="$java_home/bin:$PATH" JAVA_TOOL_OPTIONS="$tool_options" SERVER_PORT="$port" \
        ADVISOR_RULES_DIR="$work/app/rules" exec "$@" >"$log" 2>&1) &
    service_pid=$!
    until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @examples/team-a.json \
        "http://127.0.0.1:$port/api/v1/evaluations"; do
        kill -0 "$service_pid" 2>/dev/null || { echo "$name died at start-up:" >&2; tail -n 30 "$log" >&2; exit 1; }
        sleep 0.02
    done
    local answered
    answered="$(date +%s%3N)"
    kill "$service_pid" && wait "$service_pid" 2>/dev/null || true
    service_pid=""
    if grep -q '\]\[aot\]' "$log"; then
        echo "$name run $run: the JVM says of the AOT cache:" >&2
        grep '\]\[aot\]' "$log" >&2
    fi
    echo "$name $started $answered $log" >>"$work/runs"
    printf '%-10s run %d: first answer after %5d ms   (load average %s)\n' "$name" "$run" \
        $((answered - started)) "$(cut -d' ' -f1-3 /proc/loadavg)"
}

default_java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
echo "production: ${entrypoint[*]} (JAVA_TOOL_OPTIONS=$tool_options) on $("$jdk25/bin/java" -version 2>&1 | head -n 1)"
[ "${BASELINE:-1}" = 0 ] || echo "baseline:   java -jar target/orm-advisor.jar on $(java -version 2>&1 | head -n 1)"
echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/runs"
for run in $(seq 1 "$runs"); do
    [ "${BASELINE:-1}" = 0 ] || start baseline "$work/baseline" "$default_java_home" java -jar "$PWD/target/orm-advisor.jar"
    start production "$work/app" "$jdk25" "${entrypoint[@]}"
done
python3 bench/startup-phases.py <"$work/runs"
