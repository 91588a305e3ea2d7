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
#   BENCH_WARMUP       warm-up per target (default 2s, at most 1m)
#   BENCH_CONNECTIONS  open connections (default 64)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_PAGE         the page measured: / (template, default) or /api (JSON)
#   BUILD              the build directory with libgowsgi.so and the nginx module (default build)
#   BENCH_WSGI_EXTRA   directives added to gowsgi's location, e.g. 'wsgi_threads 2;'

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"

duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-2s}"
connections="${BENCH_CONNECTIONS:-64}"
wrk_threads="${BENCH_THREADS:-2}"
page="${BENCH_PAGE:-/}"
build="$(realpath -m "${BUILD:-build}")"
nginx=/usr/sbin/nginx
httpd=/usr/sbin/apache2
modules=/usr/lib/apache2/modules
python=/usr/bin/python3

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
[[ "$page" == / || "$page" == /api ]] || die "BENCH_PAGE must be / or /api"

for tool in wrk uwsgi curl readelf "$python" "$nginx" "$httpd"; do
	command -v "$tool" >/dev/null ||
		die "$tool is missing (run: scripts/deps.sh nginx-bench apache-bench cpython)"
done
[[ -f /usr/lib/uwsgi/plugins/python3_plugin.so ]] ||
	die "uWSGI's python3 plugin is missing (run: scripts/deps.sh nginx-bench)"
[[ -f "$modules/mod_wsgi.so" ]] || die "mod_wsgi is missing (run: scripts/deps.sh apache-bench)"
"$python" -c 'import flask' 2>/dev/null || die "Flask is missing (run: scripts/deps.sh cpython)"
for f in "$build/libgowsgi.so" "$build/ngx_http_wsgi_module.so"; do
	[[ -f "$f" ]] || die "$f is missing (run: make -f nginx-module/Makefile.inc GO_TAGS='-tags cpython' libgowsgi nginx-module)"
done
readelf -d "$build/libgowsgi.so" | grep -q 'NEEDED.*libpython3' ||
	die "$build/libgowsgi.so lacks the cpython engine (run: make -f nginx-module/Makefile.inc GO_TAGS='-tags cpython' libgowsgi)"

# free_port: a loopback port nobody listens on right now.
free_port() {
	"$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Apache's children run as www-data when started as root: the app is
# copied where they can read it.
work="$(mktemp -d)"
chmod 755 "$work"
nginx_pid=""
uwsgi_pid=""
apache_pid=""
cleanup() {
	if [[ -n "$nginx_pid" ]]; then
		kill -TERM "$nginx_pid" 2>/dev/null || true
		wait "$nginx_pid" 2>/dev/null || true
	fi
	if [[ -n "$uwsgi_pid" ]]; then
		kill -INT "$uwsgi_pid" 2>/dev/null || true
		wait "$uwsgi_pid" 2>/dev/null || true
	fi
	if [[ -n "$apache_pid" ]]; then
		kill -TERM "$apache_pid" 2>/dev/null || true
		wait "$apache_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/app/templates" "$work/logs" "$work/temp" "$work/apache/run" "$work/apache/logs"
cp "$here/app.py" "$work/app/"
cp "$here/templates/page.html" "$work/app/templates/"
chmod 755 "$work/app" "$work/app/templates"
chmod 644 "$work/app/app.py" "$work/app/templates/page.html"
app="$work/app/app.py"

gowsgi_port="$(free_port)"
uwsgi_port="$(free_port)"
modwsgi_port="$(free_port)"
uwsgi_socket="$work/uwsgi.sock"

user=""
apache_user=""
if [[ $EUID -eq 0 ]]; then
	user="user root;"
	apache_user=$'User www-data\nGroup www-data'
fi

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
            wsgi_engine cpython;
            wsgi_script_alias / $app;
            ${BENCH_WSGI_EXTRA:-}
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

cat >"$work/apache/httpd.conf" <<EOF
ServerRoot $work/apache
DefaultRuntimeDir $work/apache/run
PidFile $work/apache/run/httpd.pid
ServerName localhost
Listen 127.0.0.1:$modwsgi_port
$apache_user
LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule wsgi_module $modules/mod_wsgi.so
ErrorLog $work/apache/logs/error.log
LogLevel warn
DocumentRoot $work/app
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 30
StartServers 2
ServerLimit 2
ThreadsPerChild 32
MaxRequestWorkers 64
MinSpareThreads 64
MaxSpareThreads 64
<Directory />
    Require all denied
</Directory>
<Directory $work/app>
    Require all granted
</Directory>
WSGIApplicationGroup %{GLOBAL}
WSGIScriptAlias / $app
EOF

uwsgi --plugin python3 --master --processes 2 --socket "$uwsgi_socket" --chmod-socket=666 \
	--wsgi-file "$app" --need-app --disable-logging --die-on-term \
	>"$work/logs/uwsgi.log" 2>&1 &
uwsgi_pid=$!

"$nginx" -p "$work/" -c "$work/nginx.conf" &
nginx_pid=$!

setsid "$httpd" -d "$work/apache" -f "$work/apache/httpd.conf" -DFOREGROUND \
	>"$work/apache/logs/stdout.log" 2>&1 &
apache_pid=$!

show_logs() {
	local f
	for f in "$work/logs/error.log" "$work/logs/uwsgi.log" "$work/apache/logs/error.log" "$work/apache/logs/stdout.log"; do
		echo "--- $f" >&2
		tail -n 40 "$f" >&2 2>/dev/null || true
	done
}

# wait_ok URL: until it answers 200, for 30s at most (Flask's first import
# takes a moment in each process).
wait_ok() {
	local i
	for ((i = 0; i < 300; i++)); do
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == 200 ]]; then
			return 0
		fi
		sleep 0.1
	done
	show_logs
	die "$1 does not answer 200"
}

gowsgi_url="http://127.0.0.1:$gowsgi_port$page"
uwsgi_url="http://127.0.0.1:$uwsgi_port$page"
modwsgi_url="http://127.0.0.1:$modwsgi_port$page"
wait_ok "$gowsgi_url"
wait_ok "$uwsgi_url"
wait_ok "$modwsgi_url"

# The three must serve the same page, or the comparison means nothing.
curl -s "$gowsgi_url" >"$work/gowsgi.body"
curl -s "$uwsgi_url" >"$work/uwsgi.body"
curl -s "$modwsgi_url" >"$work/modwsgi.body"
for name in uwsgi modwsgi; do
	cmp -s "$work/gowsgi.body" "$work/$name.body" ||
		die "$name answers another page than gowsgi ($(wc -c <"$work/$name.body") bytes against $(wc -c <"$work/gowsgi.body"))"
done
[[ -s "$work/gowsgi.body" ]] || die "the page is empty"

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

# measure NAME URL PID...: warm up, run wrk, print "rps p99_ms cpu_us",
# cpu_us being the CPU the server processes (PIDs and their children)
# spent per request.
measure() {
	local name="$1" url="$2" out rps p99 n before after
	shift 2
	wrk -t "$wrk_threads" -c "$connections" -d "${warmup_s}s" "$url" >/dev/null
	before="$(cpu_ticks "$@")"
	out="$(wrk -t "$wrk_threads" -c "$connections" -d "${duration_s}s" --latency "$url")"
	after="$(cpu_ticks "$@")"
	echo "=== $name ($url)" >&2
	echo "$out" >&2
	if grep -q "Non-2xx" <<<"$out"; then
		show_logs
		die "$name answered errors"
	fi
	rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
	p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
	n="$(awk '/ requests in / { print $1 }' <<<"$out")"
	((n > 0)) || die "$name served no request"
	echo "$rps $(ms "$p99") $(((after - before) * 1000000 / $(getconf CLK_TCK) / n))"
}

read -r g_rps g_p99 g_cpu < <(measure "nginx + gowsgi (cpython)" "$gowsgi_url" "$nginx_pid")
read -r u_rps u_p99 u_cpu < <(measure "nginx -> uWSGI (2 processes)" "$uwsgi_url" "$nginx_pid" "$uwsgi_pid")
read -r m_rps m_p99 m_cpu < <(measure "Apache + mod_wsgi (embedded)" "$modwsgi_url" "$apache_pid")

python_version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
flask_version="$("$python" -c 'import flask; print(flask.__version__)' 2>/dev/null)"
echo
echo "Flask $flask_version on CPython $python_version, page $page ($(wc -c <"$work/gowsgi.body") bytes)," \
	"$connections connections, ${duration_s}s each, $(nproc) cores"
echo "(cpu: microseconds of server CPU per request: nginx workers, uWSGI's processes, Apache's children)"
printf "%-30s %12s %10s %8s\n" "target" "requests/s" "p99 (ms)" "cpu (us)"
printf "%-30s %12.0f %10s %8s\n" "nginx + gowsgi (cpython)" "$g_rps" "$g_p99" "$g_cpu"
printf "%-30s %12.0f %10s %8s\n" "nginx -> uWSGI" "$u_rps" "$u_p99" "$u_cpu"
printf "%-30s %12.0f %10s %8s\n" "Apache + mod_wsgi" "$m_rps" "$m_p99" "$m_cpu"
awk -v g="$g_rps" -v u="$u_rps" -v m="$m_rps" 'BEGIN {
	printf "gowsgi / uWSGI:    %.2fx (target >= 1x: %s)\n", g / u, (g >= u ? "met" : "NOT met")
	printf "gowsgi / mod_wsgi: %.2fx\n", g / m
}'
