#!/usr/bin/env bash
# compare.sh BUILD_A BUILD_B [APP] - two builds of gowsgi for nginx measured
# in turn on the same app (default examples/hello.py), to tell whether a
# change made the server faster.
#
# Each build directory holds a libgowsgi.so and an ngx_http_wsgi_module.so
# (make -f nginx-module/Makefile.inc BUILD=DIR libgowsgi nginx-module, with
# GO_TAGS='-tags cpython' for WSGI_ENGINE=cpython). One
# nginx per build (2 workers each) runs for the whole comparison; wrk loads
# one, then the other, BENCH_ROUNDS times, so that the machine's drift falls
# on both alike. Between identical builds the medians of 8 rounds still
# differ by a few percent on a shared machine: a smaller difference is noise.
#
# Settings (environment): BENCH_ROUNDS (default 8), BENCH_DURATION (default
# 4s), BENCH_WARMUP (default 1s), BENCH_CONNECTIONS (64), BENCH_THREADS (2),
# WSGI_ENGINE (gpython or cpython, default gpython), COMPARE_HTTP_A and
# COMPARE_HTTP_B (directives added to each nginx's http{}, to compare settings
# on one build, e.g. 'wsgi_core_setting GOGC=50;').

set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=../bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"

(($# == 2 || $# == 3)) || die "usage: $0 BUILD_A BUILD_B [APP]"
build_a="$(realpath -m "$1")"
build_b="$(realpath -m "$2")"
app="$(realpath -m "${3:-$repo/examples/hello.py}")"
engine="${WSGI_ENGINE:-gpython}"
[[ "$engine" == gpython || "$engine" == cpython ]] || die "WSGI_ENGINE must be gpython or cpython"
[[ -f "$app" ]] || die "$app is missing"

BENCH_ROUNDS="${BENCH_ROUNDS:-8}" BENCH_DURATION="${BENCH_DURATION:-4s}" BENCH_WARMUP="${BENCH_WARMUP:-1s}"
bench_settings 64
bench_rounds
need "run: scripts/deps.sh nginx-bench" wrk curl "$nginx"
for build in "$build_a" "$build_b"; do
	need_files "run: make -f nginx-module/Makefile.inc BUILD=$build libgowsgi nginx-module" \
		"$build/libgowsgi.so" "$build/ngx_http_wsgi_module.so"
done

scratch
chmod 755 "$work"
top="$work"

# serve NAME BUILD HTTP: an nginx of BUILD under $top/NAME; sets port and nginx_pid.
serve() {
	work="$top/$1" build="$2"
	mkdir -p "$work"
	port="$(free_port)"
	nginx_conf "$port" "$(free_port)" "$3" "" "wsgi_engine $engine;" "wsgi_script_alias / $app;"
	start_nginx
	wait_ok "http://127.0.0.1:$port/" 15 "$work/logs/error.log"
}

serve a "$build_a" "${COMPARE_HTTP_A:-}"
url_a="http://127.0.0.1:$port/" pid_a="$nginx_pid"
serve b "$build_b" "${COMPARE_HTTP_B:-}"
url_b="http://127.0.0.1:$port/" pid_b="$nginx_pid"
work="$top"

{
	read -r a_rps a_p99 a_cpu _ a_rounds
	read -r b_rps b_p99 b_cpu _ b_rounds
} < <(measure_rounds "A" "$url_a" "$pid_a" "B" "$url_b" "$pid_b")
[[ -n "$b_rps" ]] || die "the measurements did not finish"

echo
echo "$(basename "$app") on $engine, $connections connections, $rounds rounds of ${duration_s}s (medians), 2 nginx workers each"
printf "%-4s %12s %10s %8s  %s\n" "" "requests/s" "p99 (ms)" "cpu (us)" "build"
printf "%-4s %12.0f %10s %8s  %s\n" "A" "$a_rps" "$a_p99" "$a_cpu" "$build_a"
printf "%-4s %12.0f %10s %8s  %s\n" "B" "$b_rps" "$b_p99" "$b_cpu" "$build_b"
awk -v a="$a_rps" -v b="$b_rps" 'BEGIN { printf "B / A: %.3fx\n", b / a }'
echo "B / A per round: $(round_ratios "$b_rounds" "$a_rounds")"
