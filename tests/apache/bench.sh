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

# shellcheck source-path=SCRIPTDIR source=../bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
cd "$repo"

mpm="${BENCH_MPM:-event}"
build="$(realpath -m "${BUILD:-build}")"

bench_settings 64
[[ "$mpm" == event || "$mpm" == prefork ]] || die "BENCH_MPM must be event or prefork"

need "run: scripts/deps.sh apache-bench" wrk curl python3 "$httpd"
[[ -f "$modules/mod_wsgi.so" ]] || die "mod_wsgi is missing (run: scripts/deps.sh apache-bench)"
need_files "run: make -f apache-module/Makefile.inc libgowsgi apache-module" \
	"$build/libgowsgi.so" "$build/mod_gowsgi.so"

# Apache's children run as www-data when started as root: what they read
# is copied where www-data can read it.
scratch
chmod 755 "$work"

cp "$build/mod_gowsgi.so" "$build/libgowsgi.so" examples/hello.py "$work/"
printf 'Hello, world!\n' >"$work/hello.txt"
chmod 755 "$work"/*.so
chmod 644 "$work/hello.py" "$work/hello.txt"

# load NAME URL: warm-up, then the measured run; sets rps and p99_ms.
load() {
	local name="$1" url="$2" out
	wrk_run "$warmup_s" "$url" >/dev/null
	out="$(wrk_run "$duration_s" "$url" --latency)"
	[[ -n "${BENCH_SHOW:-}" ]] && echo "$out" >&2
	if grep -q "Non-2xx or 3xx responses" <<<"$out"; then
		echo "$out" >&2
		die "$name answered errors"
	fi
	rps="$(wrk_field rps <<<"$out")"
	p99_ms="$(wrk_field p99_ms <<<"$out")"
}

gowsgi_port="$(free_port)"
modwsgi_port="$(free_port)"
while [[ "$modwsgi_port" == "$gowsgi_port" ]]; do modwsgi_port="$(free_port)"; done

apache_conf "$work/gowsgi" "$gowsgi_port" "$mpm" "$work" "LoadModule gowsgi_module $work/mod_gowsgi.so" \
	"WSGIScriptAlias /hello $work/hello.py
${BENCH_GOWSGI_EXTRA:-}"
apache_conf "$work/modwsgi" "$modwsgi_port" "$mpm" "$work" "LoadModule wsgi_module $modules/mod_wsgi.so" \
	"WSGIScriptAlias /hello $work/hello.py"

start_apache "$work/gowsgi"
start_apache "$work/modwsgi"
# Each child loads the app at start.
wait_ok "http://127.0.0.1:$gowsgi_port/hello" 10
wait_ok "http://127.0.0.1:$modwsgi_port/hello" 10

echo "Apache $("$httpd" -v | awk -F/ '/version/ { print $2 }' | awk '{ print $1 }'), mpm_$mpm," \
	"$(nproc) cores, wrk -t$wrk_threads -c$connections -d${duration_s}s (after ${warmup_s}s warm-up)"
echo "app: examples/hello.py at /hello on both servers"
echo

load gowsgi "http://127.0.0.1:$gowsgi_port/hello"
g_rps="$rps" g_p99="$p99_ms"
load modwsgi "http://127.0.0.1:$modwsgi_port/hello"
m_rps="$rps" m_p99="$p99_ms"
load static "http://127.0.0.1:$gowsgi_port/hello.txt"
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
