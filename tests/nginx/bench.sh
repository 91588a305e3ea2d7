#!/usr/bin/env bash
# bench.sh - nginx + gowsgi against nginx's own `return 200` (the ceiling)
# and against nginx -> uWSGI, on the same hello-world WSGI app.
#
# One nginx (2 workers) serves three loopback ports: the gowsgi module, a
# plain `return 200`, and uwsgi_pass to Debian's uWSGI (python3 plugin,
# 2 processes). wrk loads each in turn (a warm-up, then the measured run);
# the script prints requests/s, p99 latency and the ratios, with the
# targets: gowsgi >= 2x uWSGI and >= 0.5x the ceiling, and the server CPU
# each request cost, which a busy machine disturbs less than requests/s.
# Everything it starts is stopped on exit.
#
# Settings (environment):
#   BENCH_DURATION     measured run per target, e.g. 10s, 1m (default 10s, at most 5m)
#   BENCH_WARMUP       warm-up per target (default 2s, at most 1m)
#   BENCH_CONNECTIONS  open connections (default 64)
#   BENCH_THREADS      wrk threads (default 2)
#   BUILD              the build directory with libgowsgi.so and the module (default build)
#   BENCH_HTTP_EXTRA   directives added to nginx's http{}, e.g. 'wsgi_core_setting GOGC=400;'
#   BENCH_WSGI_EXTRA   directives added to gowsgi's location, e.g. 'wsgi_script_reloading off;'

set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-2s}"
connections="${BENCH_CONNECTIONS:-64}"
wrk_threads="${BENCH_THREADS:-2}"
build="$(realpath -m "${BUILD:-build}")"
app="$repo/examples/hello.py"
nginx=/usr/sbin/nginx

die() {
	echo "bench.sh: $*" >&2
	exit 1
}

# seconds DURATION MAX: "N", "Ns" or "Nm" in seconds, at most MAX.
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

duration_s="$(seconds "$duration" 300)"
warmup_s="$(seconds "$warmup" 60)"
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 1024 ]] ||
	die "BENCH_CONNECTIONS must be 1..1024"
[[ "$wrk_threads" =~ ^[0-9]+$ && "$wrk_threads" -ge 1 && "$wrk_threads" -le "$connections" ]] ||
	die "BENCH_THREADS must be 1..BENCH_CONNECTIONS"

for tool in wrk uwsgi curl "$nginx"; do
	command -v "$tool" >/dev/null || die "$tool is missing (run: scripts/deps.sh nginx-bench)"
done
for f in "$build/libgowsgi.so" "$build/ngx_http_wsgi_module.so"; do
	[[ -f "$f" ]] || die "$f is missing (run: make -f nginx-module/Makefile.inc libgowsgi nginx-module)"
done

# free_port: a loopback port nobody listens on right now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

work="$(mktemp -d)"
chmod 755 "$work"
nginx_pid=""
uwsgi_pid=""
cleanup() {
	if [[ -n "$nginx_pid" ]]; then
		kill -TERM "$nginx_pid" 2>/dev/null || true
		wait "$nginx_pid" 2>/dev/null || true
	fi
	if [[ -n "$uwsgi_pid" ]]; then
		kill -INT "$uwsgi_pid" 2>/dev/null || true
		wait "$uwsgi_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

gowsgi_port="$(free_port)"
ceiling_port="$(free_port)"
uwsgi_port="$(free_port)"
uwsgi_socket="$work/uwsgi.sock"

user=""
if [[ $EUID -eq 0 ]]; then
	user="user root;"
fi

mkdir -p "$work/logs" "$work/temp"
cat >"$work/nginx.conf" <<EOF
load_module $build/ngx_http_wsgi_module.so;
$user
worker_processes 2;
error_log $work/logs/error.log warn;
pid $work/nginx.pid;
daemon off;
events {
    worker_connections 4096;
}
http {
    ${BENCH_HTTP_EXTRA:-}
    access_log off;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    keepalive_requests 100000;

    server {
        listen 127.0.0.1:$gowsgi_port;
        location / {
            wsgi_script_alias / $app;
            ${BENCH_WSGI_EXTRA:-}
        }
    }
    server {
        listen 127.0.0.1:$ceiling_port;
        location / {
            return 200 "Hello, world!\n";
        }
    }
    server {
        listen 127.0.0.1:$uwsgi_port;
        location / {
            include /etc/nginx/uwsgi_params;
            uwsgi_pass unix:$uwsgi_socket;
        }
    }
}
EOF

uwsgi --plugin python3 --master --processes 2 --socket "$uwsgi_socket" --chmod-socket=666 \
	--wsgi-file "$app" --disable-logging --die-on-term \
	>"$work/logs/uwsgi.log" 2>&1 &
uwsgi_pid=$!

"$nginx" -p "$work/" -c "$work/nginx.conf" &
nginx_pid=$!

# wait_ok URL: until it answers 200, for 15s at most.
wait_ok() {
	local i
	for ((i = 0; i < 150; i++)); do
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == 200 ]]; then
			return 0
		fi
		sleep 0.1
	done
	echo "--- nginx error log" >&2
	cat "$work/logs/error.log" >&2 || true
	echo "--- uwsgi log" >&2
	cat "$work/logs/uwsgi.log" >&2 || true
	die "$1 does not answer 200"
}

wait_ok "http://127.0.0.1:$gowsgi_port/"
wait_ok "http://127.0.0.1:$ceiling_port/"
wait_ok "http://127.0.0.1:$uwsgi_port/"

# cpu_ticks PID...: CPU time (user + system, clock ticks) of the processes
# and their children.
cpu_ticks() {
	local pid total=0 f
	for pid in "$@" $(pgrep -P "$(tr ' ' , <<<"$*")" || true); do
		if read -r -a f <"/proc/$pid/stat" 2>/dev/null; then
			# Fields 14 and 15; comm (field 2) has no blanks here.
			total=$((total + f[13] + f[14]))
		fi
	done
	echo "$total"
}

# measure NAME PORT PID...: warm up, run wrk, print "rps p99_ms cpu_us" for
# the summary, cpu_us being the CPU the server processes (PIDs and their
# children) spent per request: unlike requests/s it hardly depends on what
# else the machine runs.
measure() {
	local name="$1" url="http://127.0.0.1:$2/" out rps p99 n before after
	shift 2
	wrk -t "$wrk_threads" -c "$connections" -d "${warmup_s}s" "$url" >/dev/null
	before="$(cpu_ticks "$@")"
	out="$(wrk -t "$wrk_threads" -c "$connections" -d "${duration_s}s" --latency "$url")"
	after="$(cpu_ticks "$@")"
	echo "=== $name ($url)" >&2
	echo "$out" >&2
	if grep -q "Non-2xx" <<<"$out"; then
		die "$name answered errors"
	fi
	rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
	p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
	n="$(awk '/ requests in / { print $1 }' <<<"$out")"
	echo "$rps $(ms "$p99") $(((after - before) * 1000000 / $(getconf CLK_TCK) / n))"
}

# ms LATENCY: wrk's "1.23ms" / "456.00us" / "1.02s" in milliseconds.
ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0
		if (v ~ /us$/) n = n / 1000
		else if (v ~ /ms$/) n = n
		else if (v ~ /s$/) n = n * 1000
		printf "%.2f", n
	}'
}

read -r g_rps g_p99 g_cpu < <(measure "nginx + gowsgi" "$gowsgi_port" "$nginx_pid")
read -r c_rps c_p99 c_cpu < <(measure "nginx return 200 (ceiling)" "$ceiling_port" "$nginx_pid")
read -r u_rps u_p99 u_cpu < <(measure "nginx -> uWSGI (2 processes)" "$uwsgi_port" "$nginx_pid" "$uwsgi_pid")

echo
echo "hello world, $connections connections, ${duration_s}s each, 2 nginx workers, $(nproc) cores"
echo "(cpu: microseconds of server CPU per request, nginx workers plus uWSGI's processes)"
printf "%-30s %12s %10s %8s\n" "target" "requests/s" "p99 (ms)" "cpu (us)"
printf "%-30s %12.0f %10s %8s\n" "nginx + gowsgi" "$g_rps" "$g_p99" "$g_cpu"
printf "%-30s %12.0f %10s %8s\n" "nginx return 200 (ceiling)" "$c_rps" "$c_p99" "$c_cpu"
printf "%-30s %12.0f %10s %8s\n" "nginx -> uWSGI" "$u_rps" "$u_p99" "$u_cpu"
awk -v g="$g_rps" -v c="$c_rps" -v u="$u_rps" 'BEGIN {
	printf "gowsgi / uWSGI:   %.2fx (target >= 2x)\n", g / u
	printf "gowsgi / ceiling: %.2fx (target >= 0.5x)\n", g / c
}'
