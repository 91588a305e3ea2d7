#!/usr/bin/env bash
# bench.sh - hello-world requests/s of `gowsgi serve` with the cpython
# engine against the gpython engine: the same binary, app (examples/hello.py),
# thread count and wrk load, one engine after the other on loopback.
#
# Settings (environment):
#   GOWSGI             a gowsgi binary built with -tags cpython (required)
#   BENCH_DURATION     measured run per engine: 5, 5s, 1m... (default 5s, at most 5m)
#   BENCH_CONNECTIONS  wrk connections (default 32)
#   BENCH_THREADS      WSGIThreads of the app (default: nproc)
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=../bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
gowsgi="${GOWSGI:?set GOWSGI to a gowsgi binary built with -tags cpython}"
duration="$(seconds "${BENCH_DURATION:-5s}" 300)"
connections="${BENCH_CONNECTIONS:-32}"
threads="${BENCH_THREADS:-$(nproc)}"
app="$repo/examples/hello.py"
# wrk's threads, and the interpreter free_port uses.
wrk_threads=2
python=/usr/bin/python3

for value in "$connections" "$threads"; do
	[[ "$value" =~ ^[0-9]+$ && "$value" -ge 1 && "$value" -le 600 ]] ||
		die "settings must be whole numbers from 1 to 600, got '$value'"
done
need "apt-get install wrk" wrk
"$gowsgi" version | grep -q cpython ||
	die "$gowsgi lacks the cpython engine (build it with -tags cpython)"

scratch

# measure ENGINE: starts the server, warms it up, prints requests/s.
measure() {
	local engine="$1" port url server
	port="$(free_port)"
	url="http://127.0.0.1:$port/"
	"$gowsgi" serve --listen "127.0.0.1:$port" --engine "$engine" --threads "$threads" \
		--log-level warn "$app" >"$work/$engine.log" 2>&1 &
	server="$!"
	started TERM "$server"
	wait_200 "$url" 10 "$server" || true
	wrk_run 1 "$url" >/dev/null
	wrk_run "$duration" "$url" --latency >"$work/$engine.wrk"
	# A server that died during the run fails the benchmark here.
	kill -TERM "$server"
	stop "$server"
	awk -v e="$engine" '$1 == "Requests/sec:" { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
		/Non-2xx|Socket errors/ { bad = bad " " $0 }
		END { printf "%-8s %12s %9s %9s %s\n", e, rps, p50, p99, bad }' "$work/$engine.wrk"
}

echo "examples/hello.py, $threads threads, wrk -t$wrk_threads -c$connections -d${duration}s on 127.0.0.1 ($(nproc) cores)"
printf '%-8s %12s %9s %9s\n' engine requests/s p50 p99
measure gpython
measure cpython
