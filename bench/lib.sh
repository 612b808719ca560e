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
