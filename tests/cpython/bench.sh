#!/usr/bin/env bash
# bench.sh - hello-world requests/s of `gowsgi serve` with the cpython
# engine against the gpython engine: the same binary, app (examples/hello.py),
# thread count and wrk load, one engine after the other on loopback.
#
# Settings (environment):
#   GOWSGI             a gowsgi binary built with -tags cpython (required)
#   BENCH_DURATION     measured seconds per engine (default 5)
#   BENCH_CONNECTIONS  wrk connections (default 32)
#   BENCH_THREADS      WSGIThreads of the app (default: nproc)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
gowsgi="${GOWSGI:?set GOWSGI to a gowsgi binary built with -tags cpython}"
duration="${BENCH_DURATION:-5}"
connections="${BENCH_CONNECTIONS:-32}"
threads="${BENCH_THREADS:-$(nproc)}"
app="$repo/examples/hello.py"

for value in "$duration" "$connections" "$threads"; do
	[[ "$value" =~ ^[0-9]+$ && "$value" -ge 1 && "$value" -le 600 ]] ||
		{ echo "bench.sh: settings must be whole numbers from 1 to 600, got '$value'" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "bench.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
"$gowsgi" version | grep -q cpython ||
	{ echo "bench.sh: $gowsgi lacks the cpython engine (build it with -tags cpython)" >&2; exit 1; }

work="$(mktemp -d)"
server=""
cleanup() {
	if [[ -n "$server" ]]; then
		kill -TERM "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# free_port: a loopback TCP port nobody listens on right now.
free_port() {
	/usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# measure ENGINE: starts the server, warms it up, prints requests/s.
measure() {
	local engine="$1" port i
	port="$(free_port)"
	"$gowsgi" serve --listen "127.0.0.1:$port" --engine "$engine" --threads "$threads" \
		--log-level warn "$app" >"$work/$engine.log" 2>&1 &
	server="$!"
	for ((i = 0; i < 100; i++)); do
		curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null && break
		sleep 0.1
	done
	wrk -t2 -c"$connections" -d1s "http://127.0.0.1:$port/" >/dev/null
	wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/" >"$work/$engine.wrk"
	kill -TERM "$server"
	wait "$server" || true
	server=""
	awk -v e="$engine" '$1 == "Requests/sec:" { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
		/Non-2xx|Socket errors/ { bad = bad " " $0 }
		END { printf "%-8s %12s %9s %9s %s\n", e, rps, p50, p99, bad }' "$work/$engine.wrk"
}

echo "examples/hello.py, $threads threads, wrk -t2 -c$connections -d${duration}s on 127.0.0.1 ($(nproc) cores)"
printf '%-8s %12s %9s %9s\n' engine requests/s p50 p99
measure gpython
measure cpython
