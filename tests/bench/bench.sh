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

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-2s}"
connections="${BENCH_CONNECTIONS:-32}"
wrk_threads="${BENCH_THREADS:-2}"
workers="${BENCH_WORKERS:-$(nproc)}"
gowsgi="${GOWSGI:-build/gowsgi}"

die() {
	echo "bench.sh: $*" >&2
	exit 1
}

# seconds DURATION MAX: validates "N", "Ns" or "Nm" and prints it in seconds,
# refusing anything above MAX seconds so a run always ends soon.
seconds() {
	local value="$1" max="$2" n
	if [[ "$value" =~ ^([0-9]+)s?$ ]]; then
		n="${BASH_REMATCH[1]}"
	elif [[ "$value" =~ ^([0-9]+)m$ ]]; then
		n=$((BASH_REMATCH[1] * 60))
	else
		die "bad duration '$value' (use e.g. 10s or 1m)"
	fi
	((n >= 1 && n <= max)) || die "duration '$value' is outside 1s..${max}s"
	echo "$n"
}

# The app to serve: a WSGI script with an `application`, the first argument.
app_path="$(realpath "${1:-examples/hello.py}")"
[[ -f "$app_path" && "$app_path" == *.py ]] || die "no WSGI script at '${1:-examples/hello.py}'"
app_dir="$(dirname "$app_path")"
app_module="$(basename "$app_path" .py)"

duration_s="$(seconds "$duration" 300)"
warmup_s="$(seconds "$warmup" 60)"
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 1024 ]] ||
	die "BENCH_CONNECTIONS must be 1..1024"
[[ "$wrk_threads" =~ ^[0-9]+$ && "$wrk_threads" -ge 1 && "$wrk_threads" -le "$connections" ]] ||
	die "BENCH_THREADS must be 1..BENCH_CONNECTIONS"
[[ "$workers" =~ ^[0-9]+$ && "$workers" -ge 1 && "$workers" -le 256 ]] ||
	die "BENCH_WORKERS must be 1..256"

for tool in wrk gunicorn python3 curl; do
	command -v "$tool" >/dev/null || die "$tool is missing (run: scripts/deps.sh bench)"
done

if [[ ! -x "$gowsgi" ]]; then
	echo "building $gowsgi"
	PATH="/usr/local/go/bin:$PATH" go build -o "$gowsgi" ./cmd/gowsgi
fi

# Logs and wrk reports go to a scratch folder, removed on exit.
work="$(mktemp -d)"
# Servers and the running wrk, stopped by cleanup.
pids=()
wrk_pid=""

cleanup() {
	local pid
	for pid in $wrk_pid "${pids[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in $wrk_pid "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# free_port: a loopback TCP port nobody listens on right now.
free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# wait_ready NAME URL PID LOG: waits up to 20s for URL to answer 200.
wait_ready() {
	local name="$1" url="$2" pid="$3" log="$4" i
	for ((i = 0; i < 200; i++)); do
		if curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null; then
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			cat "$log" >&2
			die "$name exited before answering"
		fi
		sleep 0.1
	done
	cat "$log" >&2
	die "$name did not answer $url within 20s"
}

gunicorn_port="$(free_port)"
gunicorn_url="http://127.0.0.1:$gunicorn_port/"
gunicorn --workers "$workers" --worker-class sync \
	--bind "127.0.0.1:$gunicorn_port" --chdir "$app_dir" \
	"$app_module:application" >"$work/gunicorn.log" 2>&1 &
pids+=("$!")
wait_ready gunicorn "$gunicorn_url" "$!" "$work/gunicorn.log"

gowsgi_port="$(free_port)"
gowsgi_url="http://127.0.0.1:$gowsgi_port/"
# gunicorn writes no access log by default; neither does gowsgi at level warn.
"$gowsgi" serve --listen "127.0.0.1:$gowsgi_port" --threads "$workers" \
	--log-level warn --log-file "$work/gowsgi-server.log" \
	"/=$app_dir/$app_module.py:application" >"$work/gowsgi.log" 2>&1 &
pids+=("$!")
wait_ready gowsgi "$gowsgi_url" "$!" "$work/gowsgi.log"

# run_wrk OUTPUT ARGS...: runs wrk in the background and waits for it, so
# that a signal stops the benchmark at once instead of after the run.
run_wrk() {
	local output="$1"
	shift
	wrk -t"$wrk_threads" -c"$connections" "$@" >"$output" &
	wrk_pid="$!"
	wait "$wrk_pid"
	wrk_pid=""
}

# load NAME URL: warm-up, then the measured run with latency percentiles.
load() {
	local name="$1" url="$2"
	echo "wrk: $name, ${warmup_s}s warm-up, ${duration_s}s measured" >&2
	run_wrk /dev/null -d"${warmup_s}s" "$url"
	run_wrk "$work/$name.wrk" -d"${duration_s}s" --latency "$url"
}

# field NAME WHAT: one number from a wrk report (rps, p50, p99, errors).
field() {
	local report="$work/$1.wrk"
	case "$2" in
	rps) awk '$1 == "Requests/sec:" { print $2 }' "$report" ;;
	p50) awk '$1 == "50%" { print $2 }' "$report" ;;
	p99) awk '$1 == "99%" { print $2 }' "$report" ;;
	# Socket errors and non-2xx/3xx answers, added up.
	errors)
		awk '/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
		     /Non-2xx or 3xx responses:/ { n += $5 }
		     END { print n + 0 }' "$report"
		;;
	esac
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
