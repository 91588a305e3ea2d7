#!/usr/bin/env bash
# bench.sh - Apache + gowsgi beside Apache + mod_wsgi (Debian's
# libapache2-mod-wsgi-py3, embedded mode) on the same hello-world app.
#
# Two Apache instances with the same MPM settings listen on two loopback
# ports; wrk loads each in turn (a warm-up, then one measured run). The
# script prints requests/s and p99 latency of each and the ratio, with the
# target gowsgi >= 2x mod_wsgi, and Apache's own ceiling on this machine: a
# static file of the same size from the gowsgi instance, which no module
# can beat. Everything it starts is stopped on exit.
#
# Settings (environment):
#   BENCH_DURATION     measured run per server: 10s, 1m... (default 10s, at most 5m)
#   BENCH_WARMUP       warm-up per server (default 2s, at most 1m)
#   BENCH_CONNECTIONS  open connections (default 64)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_MPM          event (default) or prefork, for both servers
#   BUILD              directory with mod_gowsgi.so and libgowsgi.so (default build)
#   BENCH_GOWSGI_EXTRA directives added to the gowsgi server, e.g. 'WSGICoreSetting GOMAXPROCS=1'
#   BENCH_SHOW         set: print wrk's whole output

set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-2s}"
connections="${BENCH_CONNECTIONS:-64}"
wrk_threads="${BENCH_THREADS:-2}"
mpm="${BENCH_MPM:-event}"
build="$(realpath -m "${BUILD:-build}")"
httpd=/usr/sbin/apache2
modules=/usr/lib/apache2/modules

die() {
	echo "bench.sh: $*" >&2
	exit 1
}

# seconds DURATION MAX: "N", "Ns" or "Nm" as seconds, at most MAX.
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
[[ "$mpm" == event || "$mpm" == prefork ]] || die "BENCH_MPM must be event or prefork"

for tool in wrk curl python3 "$httpd"; do
	command -v "$tool" >/dev/null || die "$tool is missing (run: scripts/deps.sh apache-bench)"
done
[[ -f "$modules/mod_wsgi.so" ]] || die "mod_wsgi is missing (run: scripts/deps.sh apache-bench)"
for f in "$build/libgowsgi.so" "$build/mod_gowsgi.so"; do
	[[ -f "$f" ]] || die "$f is missing (run: make -f apache-module/Makefile.inc libgowsgi apache-module)"
done

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Apache's children run as www-data when started as root: what they read
# is copied where www-data can read it.
work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() {
	local pid
	for pid in "${pids[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

cp "$build/mod_gowsgi.so" "$build/libgowsgi.so" examples/hello.py "$work/"
printf 'Hello, world!\n' >"$work/hello.txt"
chmod 755 "$work"/*.so
chmod 644 "$work/hello.py" "$work/hello.txt"

user_lines=""
if [[ $EUID -eq 0 ]]; then
	user_lines=$'User www-data\nGroup www-data'
fi

# conf NAME PORT LOADMODULE EXTRA: one server's configuration.
conf() {
	local name="$1" port="$2" load="$3" extra="$4" dir="$work/$1"
	mkdir -p "$dir/run" "$dir/logs"
	cat >"$dir/httpd.conf" <<EOF
ServerRoot $dir
DefaultRuntimeDir $dir/run
PidFile $dir/run/httpd.pid
ServerName localhost
Listen 127.0.0.1:$port
$user_lines
LoadModule mpm_${mpm}_module $modules/mod_mpm_${mpm}.so
LoadModule authz_core_module $modules/mod_authz_core.so
$load
ErrorLog $dir/logs/error.log
LogLevel warn
DocumentRoot $work
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 30
<IfModule mpm_event_module>
    StartServers 2
    ServerLimit 2
    ThreadsPerChild 32
    MaxRequestWorkers 64
    MinSpareThreads 64
    MaxSpareThreads 64
</IfModule>
<IfModule mpm_prefork_module>
    StartServers 16
    MinSpareServers 16
    MaxSpareServers 16
    ServerLimit 16
    MaxRequestWorkers 16
</IfModule>
<Directory />
    Require all denied
</Directory>
<Directory $work>
    Require all granted
</Directory>
$extra
EOF
}

# start NAME: Apache in the foreground, in its own process group.
start() {
	local dir="$work/$1"
	setsid "$httpd" -d "$dir" -f "$dir/httpd.conf" -DFOREGROUND >"$dir/logs/stdout.log" 2>&1 &
	pids+=("$!")
}

# wait_ok URL: until the app answers 200 (each child loads it at start).
wait_ok() {
	local url="$1" i
	for i in $(seq 1 200); do
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" == 200 ]]; then
			return 0
		fi
		sleep 0.05
	done
	die "$url did not answer 200"
}

# measure NAME URL: warm-up, then the measured run; sets rps and p99_ms.
measure() {
	local name="$1" url="$2" out
	wrk -t"$wrk_threads" -c"$connections" -d"${warmup_s}s" "$url" >/dev/null
	out="$(wrk -t"$wrk_threads" -c"$connections" -d"${duration_s}s" --latency "$url")"
	echo "$out" >"$work/$name.wrk"
	[[ -n "${BENCH_SHOW:-}" ]] && echo "$out" >&2
	if grep -q "Non-2xx or 3xx responses" <<<"$out"; then
		echo "$out" >&2
		die "$name answered errors"
	fi
	rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
	p99_ms="$(awk '$1 == "99%" {
		v = $2
		if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		printf "%.2f", v }' <<<"$out")"
}

gowsgi_port="$(free_port)"
modwsgi_port="$(free_port)"
while [[ "$modwsgi_port" == "$gowsgi_port" ]]; do modwsgi_port="$(free_port)"; done

conf gowsgi "$gowsgi_port" "LoadModule gowsgi_module $work/mod_gowsgi.so" \
	"WSGIScriptAlias /hello $work/hello.py
${BENCH_GOWSGI_EXTRA:-}"
conf modwsgi "$modwsgi_port" "LoadModule wsgi_module $modules/mod_wsgi.so" \
	"WSGIScriptAlias /hello $work/hello.py"

start gowsgi
start modwsgi
wait_ok "http://127.0.0.1:$gowsgi_port/hello"
wait_ok "http://127.0.0.1:$modwsgi_port/hello"

echo "Apache $("$httpd" -v | awk -F/ '/version/ { print $2 }' | awk '{ print $1 }'), mpm_$mpm," \
	"$(nproc) cores, wrk -t$wrk_threads -c$connections -d${duration_s}s (after ${warmup_s}s warm-up)"
echo "app: examples/hello.py at /hello on both servers"
echo

measure gowsgi "http://127.0.0.1:$gowsgi_port/hello"
g_rps="$rps" g_p99="$p99_ms"
measure modwsgi "http://127.0.0.1:$modwsgi_port/hello"
m_rps="$rps" m_p99="$p99_ms"
measure static "http://127.0.0.1:$gowsgi_port/hello.txt"
s_rps="$rps" s_p99="$p99_ms"

printf '%-28s %12s %10s\n' "server" "requests/s" "p99 ms"
printf '%-28s %12.0f %10s\n' "Apache + gowsgi (gpython)" "$g_rps" "$g_p99"
printf '%-28s %12.0f %10s\n' "Apache + mod_wsgi (CPython)" "$m_rps" "$m_p99"
printf '%-28s %12.0f %10s\n' "Apache static file (ceiling)" "$s_rps" "$s_p99"
echo
ratio="$(awk -v g="$g_rps" -v m="$m_rps" 'BEGIN { printf "%.2f", g / m }')"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r >= 2 ? "met" : "NOT met") }')"
echo "gowsgi / mod_wsgi: ${ratio}x (target >= 2x: $verdict)"
awk -v g="$g_rps" -v m="$m_rps" -v s="$s_rps" 'BEGIN {
	printf "share of the ceiling: gowsgi %.2f, mod_wsgi %.2f\n", g / s, m / s }'
