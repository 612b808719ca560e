# Shared by the bench/*.sh scripts, sourced from the repository root: `source bench/lib.sh`.

# wrk is Debian's package: installed when missing and running as root, otherwise the script says how and stops.
ensure_wrk() {
    command -v wrk >/dev/null && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "wrk is not installed: installing Debian's package" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    else
        echo "$(basename "$0") needs wrk (https://github.com/wg/wrk): sudo apt-get install wrk" >&2
        exit 2
    fi
}

# wrk_post URL CONNECTIONS SECONDS FACTS_FILE...: wrk (2 threads) posting the facts files in turn; prints the one
# RESULT line of bench/wrk/post-examples.lua: requests, non2xx, socket_errors, duration_us, p50_us, p99_us.
# WRK_TIMEOUT (wrk's default: 2s) is how long an answer may take before wrk counts it as a socket error.
wrk_post() {
    local url="$1" connections="$2" seconds="$3"
    shift 3
    wrk -t2 -c"$connections" -d"${seconds}s" --timeout "${WRK_TIMEOUT:-2s}" -s bench/wrk/post-examples.lua "$url" \
        -- "$@" | grep '^RESULT'
}

# field NAME < RESULT line: one number of it.
field() {
    sed -n "s/.* $1=\([0-9]*\).*/\1/p"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The packaged jar, built again when a source, a rule or the pom is newer than it.
ensure_jar() {
    [ -f target/orm-advisor.jar ] && [ -z "$(find src rules pom.xml -newer target/orm-advisor.jar -print -quit)" ] \
        || ./mvnw -B -q -ntp -DskipTests package
}

# await_first_answer PID BASE_URL LOG: polls until the service answers an evaluation 200; stops the script with the
# end of LOG when the process dies first.
await_first_answer() {
    local pid="$1" base="$2" service_log="$3" status=""
    until [ "$status" = 200 ]; do
        kill -0 "$pid" 2>/dev/null || { echo "the service died at start-up:" >&2; tail -n 30 "$service_log" >&2; exit 1; }
        status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
            --data-binary @examples/team-a.json "$base/api/v1/evaluations" || true)"
        [ "$status" = 200 ] || sleep 0.05
    done
}

# The home of a JDK 25 or later, the release production runs on (Dockerfile): JAVA25_HOME, the java on the PATH
# if it is one, or the newest under /usr/lib/jvm. Prints nothing when the machine has none.
jdk25_home() {
    local candidate
    for candidate in "${JAVA25_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
        $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        [ -x "$candidate/bin/java" ] || continue
        if "$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
            | awk '/java.specification.version =/ { exit !($3 >= 25) }'; then
            echo "${candidate%/}"
            return
        fi
    done
}

# For scripts that start the service: a fresh folder in $work and, at exit, the service ($service_pid) stopped, the
# PostgreSQL database it was given ($postgres_db, see fresh_postgres_database) dropped and the folder removed.
service_work_folder() {
    work="$(mktemp -d)"
    service_pid=""
    postgres_db=""
    trap stop_service_and_clean_up EXIT
}

stop_service_and_clean_up() {
    if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null || true; fi
    if [ -n "$postgres_db" ]; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $postgres_db WITH (FORCE)" \
            >/dev/null || true
    fi
    rm -rf "$work"
}

# fresh_postgres_database PREFIX: an empty database on PostgreSQL at 127.0.0.1:5432, dropped at exit; sets
# $postgres_db and $postgres_url (its JDBC URL).
fresh_postgres_database() {
    postgres_db="${1}_$$"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $postgres_db" >/dev/null
    postgres_url="jdbc:postgresql://127.0.0.1:5432/$postgres_db"
}
