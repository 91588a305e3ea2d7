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
#   BENCH_ROUNDS       how many times the targets are measured in turn (default 1,
#                      at most 10); the table shows medians, then each round's ratios
#   BENCH_WARMUP       warm-up per target (default 2s, at most 1m)
#   BENCH_CONNECTIONS  open connections (default 64)
#   BENCH_THREADS      wrk threads (default 2)
#   BUILD              the build directory with libgowsgi.so and the module (default build)
#   BENCH_HTTP_EXTRA   directives added to nginx's http{}, e.g. 'wsgi_core_setting GOGC=400;'
#   BENCH_WSGI_EXTRA   directives added to gowsgi's location, e.g. 'wsgi_script_reloading off;'

set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=../bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
cd "$repo"

build="$(realpath -m "${BUILD:-build}")"
app="$repo/examples/hello.py"

bench_settings 64
bench_rounds
need "run: scripts/deps.sh nginx-bench" wrk uwsgi curl "$nginx"
need_files "run: make -f nginx-module/Makefile.inc libgowsgi nginx-module" \
	"$build/libgowsgi.so" "$build/ngx_http_wsgi_module.so"

scratch
chmod 755 "$work"

gowsgi_port="$(free_port)"
ceiling_port="$(free_port)"
uwsgi_port="$(free_port)"

ceiling='    server {
        listen 127.0.0.1:'"$ceiling_port"' reuseport;
        location / {
            return 200 "Hello, world!\n";
        }
    }'
nginx_conf "$gowsgi_port" "$uwsgi_port" "${BENCH_HTTP_EXTRA:-}" "$ceiling" \
	"wsgi_script_alias / $app;" "${BENCH_WSGI_EXTRA:-}"
start_uwsgi "$app"
start_nginx

gowsgi_url="http://127.0.0.1:$gowsgi_port/"
ceiling_url="http://127.0.0.1:$ceiling_port/"
uwsgi_url="http://127.0.0.1:$uwsgi_port/"
logs=("$work/logs/error.log" "$work/logs/uwsgi.log")
wait_ok "$gowsgi_url" 15 "${logs[@]}"
wait_ok "$ceiling_url" 15 "${logs[@]}"
wait_ok "$uwsgi_url" 15 "${logs[@]}"

{
	read -r g_rps g_p99 g_cpu _ g_rounds
	read -r c_rps c_p99 c_cpu _ c_rounds
	read -r u_rps u_p99 u_cpu _ u_rounds
} < <(measure_rounds "nginx + gowsgi" "$gowsgi_url" "$nginx_pid" \
	"nginx return 200 (ceiling)" "$ceiling_url" "$nginx_pid" \
	"nginx -> uWSGI (2 processes)" "$uwsgi_url" "$nginx_pid $uwsgi_pid")
[[ -n "$u_rps" ]] || die "the measurements did not finish"

echo
echo "hello world, $connections connections, ${duration_s}s each, $rounds round(s) (medians), 2 nginx workers, $(nproc) cores"
echo "(cpu: microseconds of server CPU per request, nginx workers plus uWSGI's processes)"
results_table "nginx + gowsgi" "$g_rps" "$g_p99" "$g_cpu" \
	"nginx return 200 (ceiling)" "$c_rps" "$c_p99" "$c_cpu" \
	"nginx -> uWSGI" "$u_rps" "$u_p99" "$u_cpu"
awk -v g="$g_rps" -v c="$c_rps" -v u="$u_rps" 'BEGIN {
	printf "gowsgi / uWSGI:   %.2fx (target >= 2x)\n", g / u
	printf "gowsgi / ceiling: %.2fx (target >= 0.5x)\n", g / c
}'
if ((rounds > 1)); then
	echo "gowsgi / uWSGI per round:   $(round_ratios "$g_rounds" "$u_rounds")"
	echo "gowsgi / ceiling per round: $(round_ratios "$g_rounds" "$c_rounds")"
fi
