#!/usr/bin/env bash
# Where a request's CPU goes: the packaged jar (same java as bench/http.sh) under wrk flat out, first on the
# parse-only floor, then on POST /api/v1/evaluations with a JFR recording (execution samples). For each it gives
# the service's CPU per request (its user + system time over the requests answered), and for evaluations that
# CPU by thread (audit writer, garbage collector, JIT compilers, others: exact, from /proc/PID/task) with the
# request threads' share split by their JFR samples into parse, rules, serialise, observe, audit hand-over and
# framework (bench/cpu-categories.py).
#
#   bench/profile.sh [SECONDS]                    default 30; PROFILE_STORE=postgres for PostgreSQL at 127.0.0.1
#
# Other settings: BENCH_JAVA (the java of a JDK to run it on), PROFILE_CONNECTIONS (16), PROFILE_SERVICE_ARGS (more
# --name=value settings for the service, to try one; e.g. --management.tracing.sampling.probability=0.1),
# PROFILE_JAR (another jar to profile the same way, e.g. the previous release's from bench/release-compare.sh). The
# recording is kept as target/profile.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds="${1:-30}"
store="${PROFILE_STORE:-sqlite}"
connections="${PROFILE_CONNECTIONS:-16}"
warm_up=30
service_work_folder

# Each thread of the service: "name<TAB>CPU clock ticks so far" (utime + stime; a thread's name may hold spaces).
thread_ticks() {
    local task
    for task in /proc/"$service_pid"/task/*; do
        printf '%s\t%s\n' "$(cat "$task/comm" 2>/dev/null)" \
            "$(sed 's/^.*) //' "$task/stat" 2>/dev/null | awk '{ print $12 + $13 }')"
    done | awk -F'\t' '$2 != ""'
}

# measure PATH NAME -> "requests/s requests cpu_us_per_request"; the threads' ticks around it in $work/NAME.{before,after}
measure() {
    local result
    thread_ticks >"$work/$2.before"
    result="$(wrk_post "$base$1" "$connections" "$seconds" examples/*.json)"
    thread_ticks >"$work/$2.after"
    awk -v requests="$(field requests <<<"$result")" -v us="$(field duration_us <<<"$result")" \
        -v ticks="$(( $(awk -F'\t' '{ t += $2 } END { print t }' "$work/$2.after") \
            - $(awk -F'\t' '{ t += $2 } END { print t }' "$work/$2.before") ))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.0f %d %.0f\n", requests / (us / 1e6), requests, ticks / hz * 1e6 / requests }'
}

settings=(--spring.profiles.active=bench)
case "$store" in
    sqlite) ;;
    postgres)
        fresh_postgres_database orm_advisor_profile
        settings=(--spring.profiles.active=bench,postgres
            "--spring.datasource.url=$postgres_url") ;;
    *) echo "PROFILE_STORE is sqlite or postgres, not '$store'" >&2; exit 2 ;;
esac

ensure_wrk
jar="${PROFILE_JAR:-}"
if [ -z "$jar" ]; then
    ensure_jar
    jar="$PWD/target/orm-advisor.jar"
fi
# jcmd and jfr of the JDK the service runs on.
jdk_bin="$(dirname "$(readlink -f "$(command -v "${BENCH_JAVA:-java}")")")"
port="$(free_port)"
base="http://127.0.0.1:$port"
# shellcheck disable=SC2086 # PROFILE_SERVICE_ARGS is a list of settings
(cd "$work" && exec "$jdk_bin/java" -jar "$jar" --server.port="$port" \
    --advisor.rules.dir="$OLDPWD/rules" "${settings[@]}" ${PROFILE_SERVICE_ARGS:-} >"$work/service.log" 2>&1) &
service_pid=$!
await_first_answer "$service_pid" "$base" "$work/service.log"
wrk_post "$base/api/bench/parse-only" "$connections" "$warm_up" examples/*.json >/dev/null
wrk_post "$base/api/v1/evaluations" "$connections" "$warm_up" examples/*.json >/dev/null

read -r floor_rps _ floor_cpu < <(measure /api/bench/parse-only floor)
"$jdk_bin/jcmd" "$service_pid" JFR.start name=profile settings=profile >/dev/null
read -r eval_rps eval_requests eval_cpu < <(measure /api/v1/evaluations evaluate)
"$jdk_bin/jcmd" "$service_pid" JFR.stop name=profile filename="$PWD/target/profile.jfr" >/dev/null

echo "store: $store; $("$jdk_bin/java" -version 2>&1 | head -n 1); wrk -t2 -c$connections, ${seconds}s each after ${warm_up}s" \
    "warm-ups; settings: ${PROFILE_SERVICE_ARGS:-none}; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| endpoint | requests/s | service CPU per request |"
echo "|---|---|---|"
echo "| parse-only floor | $floor_rps | $floor_cpu µs |"
echo "| evaluate + audit | $eval_rps | $eval_cpu µs |"
echo
"$jdk_bin/jfr" print --events jdk.ExecutionSample --stack-depth 256 target/profile.jfr >"$work/samples.txt"
python3 bench/cpu-categories.py "$work/samples.txt" "$work/evaluate.before" "$work/evaluate.after" "$eval_requests"
