#!/usr/bin/env bash
# bench.sh - a Flask page (app.py: a Jinja2 template, or JSON with
# BENCH_PAGE=/api) on CPython three ways, in one run:
#
#   nginx + gowsgi      nginx (2 workers) with the gowsgi module, wsgi_engine cpython
#   nginx -> uWSGI      the same nginx, uwsgi_pass to Debian's uWSGI (python3 plugin,
#                       2 processes), as tests/nginx/bench.sh runs it
#   Apache + mod_wsgi   Debian's libapache2-mod-wsgi-py3, embedded mode, mpm_event
#                       with 2 children (as tests/apache/bench.sh runs it)
#
# Each server gets the same app.py, copied where Apache's children can read
# it, and must answer the same page. wrk loads each in turn (a warm-up, then
# the measured run); the script prints requests/s, p99 latency, the server
# CPU each request cost (which a busy machine disturbs less than
# requests/s) and the ratios, with the target: nginx + gowsgi at least
# uWSGI's requests/s. Everything it starts is stopped on exit.
#
# The core must have the cpython engine: the top-level Makefile builds it so
# when libpython3-dev is installed, or
#   make -f nginx-module/Makefile.inc GO_TAGS='-tags cpython' libgowsgi nginx-module
#
# Settings (environment):
#   BENCH_DURATION     measured run per target, e.g. 10s, 1m (default 10s, at most 5m)
#   BENCH_ROUNDS       how many times the targets are measured in turn (default 1,
#                      at most 10); the table shows medians, then each round's ratios
#   BENCH_WARMUP       warm-up per target (default 2s, at most 1m)
#   BENCH_CONNECTIONS  open connections (default 64)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_PAGE         the page measured: / (template, default) or /api (JSON)
#   BUILD              the build directory with libgowsgi.so and the nginx module (default build)
#   BENCH_HTTP_EXTRA   directives added to nginx's http{}, e.g. 'wsgi_core_setting GOGC=400;'
#   BENCH_WSGI_EXTRA   directives added to gowsgi's location, e.g. 'wsgi_threads 2;'

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=../lib.sh
source "$here/../lib.sh"
cd "$repo"

page="${BENCH_PAGE:-/}"
build="$(realpath -m "${BUILD:-build}")"
python=/usr/bin/python3

bench_settings 64
bench_rounds
[[ "$page" == / || "$page" == /api ]] || die "BENCH_PAGE must be / or /api"

need "run: scripts/deps.sh nginx-bench apache-bench cpython" \
	wrk uwsgi curl readelf "$python" "$nginx" "$httpd"
[[ -f /usr/lib/uwsgi/plugins/python3_plugin.so ]] ||
	die "uWSGI's python3 plugin is missing (run: scripts/deps.sh nginx-bench)"
[[ -f "$modules/mod_wsgi.so" ]] || die "mod_wsgi is missing (run: scripts/deps.sh apache-bench)"
"$python" -c 'import flask' 2>/dev/null || die "Flask is missing (run: scripts/deps.sh cpython)"
need_files "run: make -f nginx-module/Makefile.inc GO_TAGS='-tags cpython' libgowsgi nginx-module" \
	"$build/libgowsgi.so" "$build/ngx_http_wsgi_module.so"
readelf -d "$build/libgowsgi.so" | grep -q 'NEEDED.*libpython3' ||
	die "$build/libgowsgi.so lacks the cpython engine (run: make -f nginx-module/Makefile.inc GO_TAGS='-tags cpython' libgowsgi)"

# Apache's children run as www-data when started as root: the app is
# copied where they can read it.
scratch
chmod 755 "$work"

mkdir -p "$work/app/templates"
cp "$here/app.py" "$work/app/"
cp "$here/templates/page.html" "$work/app/templates/"
chmod 755 "$work/app" "$work/app/templates"
chmod 644 "$work/app/app.py" "$work/app/templates/page.html"
app="$work/app/app.py"

gowsgi_port="$(free_port)"
uwsgi_port="$(free_port)"
modwsgi_port="$(free_port)"

nginx_conf "$gowsgi_port" "$uwsgi_port" "${BENCH_HTTP_EXTRA:-}" "" \
	"wsgi_engine cpython;" "wsgi_script_alias / $app;" "${BENCH_WSGI_EXTRA:-}"
apache_conf "$work/apache" "$modwsgi_port" event "$work/app" "LoadModule wsgi_module $modules/mod_wsgi.so" \
	"WSGIApplicationGroup %{GLOBAL}
WSGIScriptAlias / $app"

start_uwsgi "$app" --need-app
start_nginx
start_apache "$work/apache"

gowsgi_url="http://127.0.0.1:$gowsgi_port$page"
uwsgi_url="http://127.0.0.1:$uwsgi_port$page"
modwsgi_url="http://127.0.0.1:$modwsgi_port$page"
# Up to 30s each: Flask's first import takes a moment in each process.
logs=("$work/logs/error.log" "$work/logs/uwsgi.log" "$work/apache/logs/error.log" "$work/apache/logs/stdout.log")
wait_ok "$gowsgi_url" 30 "${logs[@]}"
wait_ok "$uwsgi_url" 30 "${logs[@]}"
wait_ok "$modwsgi_url" 30 "${logs[@]}"

# The three must serve the same page, or the comparison means nothing.
curl -s "$gowsgi_url" >"$work/gowsgi.body"
curl -s "$uwsgi_url" >"$work/uwsgi.body"
curl -s "$modwsgi_url" >"$work/modwsgi.body"
for name in uwsgi modwsgi; do
	cmp -s "$work/gowsgi.body" "$work/$name.body" ||
		die "$name answers another page than gowsgi ($(wc -c <"$work/$name.body") bytes against $(wc -c <"$work/gowsgi.body"))"
done
[[ -s "$work/gowsgi.body" ]] || die "the page is empty"

{
	read -r g_rps g_p99 g_cpu _ g_rounds
	read -r u_rps u_p99 u_cpu _ u_rounds
	read -r m_rps m_p99 m_cpu _ m_rounds
} < <(measure_rounds "nginx + gowsgi (cpython)" "$gowsgi_url" "$nginx_pid" \
	"nginx -> uWSGI (2 processes)" "$uwsgi_url" "$nginx_pid $uwsgi_pid" \
	"Apache + mod_wsgi (embedded)" "$modwsgi_url" "$apache_pid")
[[ -n "$m_rps" ]] || die "the measurements did not finish"

python_version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
flask_version="$("$python" -c 'import flask; print(flask.__version__)' 2>/dev/null)"
echo
echo "Flask $flask_version on CPython $python_version, page $page ($(wc -c <"$work/gowsgi.body") bytes)," \
	"$connections connections, ${duration_s}s each, $rounds round(s) (medians), $(nproc) cores"
echo "(cpu: microseconds of server CPU per request: nginx workers, uWSGI's processes, Apache's children)"
results_table "nginx + gowsgi (cpython)" "$g_rps" "$g_p99" "$g_cpu" \
	"nginx -> uWSGI" "$u_rps" "$u_p99" "$u_cpu" \
	"Apache + mod_wsgi" "$m_rps" "$m_p99" "$m_cpu"
awk -v g="$g_rps" -v u="$u_rps" -v m="$m_rps" 'BEGIN {
	printf "gowsgi / uWSGI:    %.2fx (target >= 1x: %s)\n", g / u, (g >= u ? "met" : "NOT met")
	printf "gowsgi / mod_wsgi: %.2fx\n", g / m
}'
if ((rounds > 1)); then
	echo "gowsgi / uWSGI per round:    $(round_ratios "$g_rounds" "$u_rounds")"
	echo "gowsgi / mod_wsgi per round: $(round_ratios "$g_rounds" "$m_rounds")"
fi
