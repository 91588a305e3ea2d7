#!/usr/bin/env bash
# bench.sh [APP.py] - gowsgi against gunicorn on the same WSGI app
# (default examples/hello.py; tests/bench/table.py is the CPU-bound page).
#
# Starts build/gowsgi and Debian's gunicorn on free loopback ports, W workers
# (gunicorn, sync) and W threads (gowsgi) with W = the number of cores, loads
# each with wrk in turn (a short warm-up, then the measured run), and prints
# requests/s and latency percentiles for both. Both servers are stopped on exit.
#
# Settings (environment):
#   BENCH_DURATION     measured run per server, e.g. 10s, 1m (default 10s, at most 5m)
#   BENCH_WARMUP       warm-up per server (default 2s, at most 1m)
#   BENCH_CONNECTIONS  open connections (default 32)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_WORKERS      W (default: nproc)
#   GOWSGI             the gowsgi binary (default build/gowsgi, built if absent)
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"

workers="${BENCH_WORKERS:-$(nproc)}"
gowsgi="${GOWSGI:-build/gowsgi}"

# The app to serve: a WSGI script with an `application`, the first argument.
app_path="$(realpath "${1:-examples/hello.py}")"
[[ -f "$app_path" && "$app_path" == *.py ]] || die "no WSGI script at '${1:-examples/hello.py}'"
app_dir="$(dirname "$app_path")"
app_module="$(basename "$app_path" .py)"

bench_settings 32
[[ "$workers" =~ ^[0-9]+$ && "$workers" -ge 1 && "$workers" -le 256 ]] ||
	die "BENCH_WORKERS must be 1..256"

need "run: scripts/deps.sh bench" wrk gunicorn python3 curl

if [[ ! -x "$gowsgi" ]]; then
	echo "building $gowsgi"
	PATH="/usr/local/go/bin:$PATH" go build -o "$gowsgi" ./cmd/gowsgi
fi

# Logs and wrk reports go to the scratch folder; cleanup (on exit) stops the
# servers and the running wrk, $wrk_pid.
scratch
wrk_pid=""
trap 'exit 130' INT TERM

# wait_ready NAME URL PID LOG: waits up to 20s for URL to answer 200.
wait_ready() {
	local name="$1" url="$2" pid="$3" log="$4"
	wait_200 "$url" 20 "$pid" && return 0
	cat "$log" >&2
	kill -0 "$pid" 2>/dev/null || die "$name exited before answering"
	die "$name did not answer $url within 20s"
}

gunicorn_port="$(free_port)"
gunicorn_url="http://127.0.0.1:$gunicorn_port/"
gunicorn --workers "$workers" --worker-class sync \
	--bind "127.0.0.1:$gunicorn_port" --chdir "$app_dir" \
	"$app_module:application" >"$work/gunicorn.log" 2>&1 &
started TERM "$!"
wait_ready gunicorn "$gunicorn_url" "$!" "$work/gunicorn.log"

gowsgi_port="$(free_port)"
gowsgi_url="http://127.0.0.1:$gowsgi_port/"
# gunicorn writes no access log by default; neither does gowsgi at level warn.
"$gowsgi" serve --listen "127.0.0.1:$gowsgi_port" --threads "$workers" \
	--log-level warn --log-file "$work/gowsgi-server.log" \
	"/=$app_dir/$app_module.py:application" >"$work/gowsgi.log" 2>&1 &
started TERM "$!"
wait_ready gowsgi "$gowsgi_url" "$!" "$work/gowsgi.log"

# run_wrk OUTPUT SECONDS URL [ARG...]: wrk_run's wrk in the background,
# waited for, so that a signal stops the benchmark at once instead of after
# the run.
run_wrk() {
	local output="$1" seconds="$2" url="$3"
	shift 3
	wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" "$@" "$url" >"$output" &
	wrk_pid="$!"
	wait "$wrk_pid"
	wrk_pid=""
}

# load NAME URL: warm-up, then the measured run with latency percentiles.
load() {
	local name="$1" url="$2"
	echo "wrk: $name, ${warmup_s}s warm-up, ${duration_s}s measured" >&2
	run_wrk /dev/null "$warmup_s" "$url"
	run_wrk "$work/$name.wrk" "$duration_s" "$url" --latency
}

# field NAME WHAT: one number from a wrk report (rps, p50, p99, errors).
field() {
	wrk_field "$2" <"$work/$1.wrk"
}

load gunicorn "$gunicorn_url"
load gowsgi "$gowsgi_url"

echo
echo "$app_module.py, $workers workers (gunicorn sync) / $workers threads (gowsgi)," \
	"wrk -t$wrk_threads -c$connections -d${duration_s}s"
printf '%-10s %14s %10s %10s %8s\n' server requests/s p50 p99 errors
for name in gunicorn gowsgi; do
	printf '%-10s %14s %10s %10s %8s\n' "$name" "$(field "$name" rps)" \
		"$(field "$name" p50)" "$(field "$name" p99)" "$(field "$name" errors)"
done
awk -v g="$(field gowsgi rps)" -v u="$(field gunicorn rps)" \
	'BEGIN { if (u > 0) printf "ratio gowsgi/gunicorn (requests/s): %.2f\n", g / u }'
