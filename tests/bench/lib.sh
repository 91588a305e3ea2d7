# lib.sh - what the benchmark scripts share; they source it:
#   source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
#
# Safe under `set -euo pipefail`. Sourcing it sets $repo (the repository
# root) and the servers' paths below, and defines the functions; nothing
# else runs. Names it sets for the scripts: repo, nginx, httpd, modules,
# work, duration_s, warmup_s, connections, wrk_threads, nginx_pid,
# uwsgi_pid, apache_pid. Names it reads: build (the nginx module's
# directory, for nginx_conf) and, when the script sets them, python (the
# interpreter free_port uses, default python3), wrk_pid (a wrk run in
# flight, stopped first by cleanup) and show_logs (a function measure runs
# before dying on errors).
# shellcheck shell=bash disable=SC2034

# The repository root, two levels above this file.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Where Debian installs the servers the benchmarks compare gowsgi with.
nginx=/usr/sbin/nginx
httpd=/usr/sbin/apache2
modules=/usr/lib/apache2/modules

# Processes started by the script, "SIGNAL PID" each, that stop ends.
bench_procs=()

# die MESSAGE: prints "bench.sh: MESSAGE" to stderr and exits with status 1.
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

# bench_settings CONNECTIONS: validates BENCH_DURATION (default 10s, at most
# 5m), BENCH_WARMUP (2s, at most 1m), BENCH_CONNECTIONS (CONNECTIONS,
# 1..1024) and BENCH_THREADS (2, 1..connections) into duration_s, warmup_s,
# connections and wrk_threads.
bench_settings() {
	duration_s="$(seconds "${BENCH_DURATION:-10s}" 300)"
	warmup_s="$(seconds "${BENCH_WARMUP:-2s}" 60)"
	connections="${BENCH_CONNECTIONS:-$1}"
	wrk_threads="${BENCH_THREADS:-2}"
	[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 1024 ]] ||
		die "BENCH_CONNECTIONS must be 1..1024"
	[[ "$wrk_threads" =~ ^[0-9]+$ && "$wrk_threads" -ge 1 && "$wrk_threads" -le "$connections" ]] ||
		die "BENCH_THREADS must be 1..BENCH_CONNECTIONS"
}

# bench_rounds: validates BENCH_ROUNDS (default 1, at most 10) into rounds.
bench_rounds() {
	rounds="${BENCH_ROUNDS:-1}"
	[[ "$rounds" =~ ^[0-9]+$ && "$rounds" -ge 1 && "$rounds" -le 10 ]] ||
		die "BENCH_ROUNDS must be 1..10"
}

# median NUMBER...: the middle value (the mean of the two middle ones for
# an even count).
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2
	}'
}

# need HINT COMMAND...: dies naming the first COMMAND not installed, with
# HINT (how to install it) in parentheses.
need() {
	local hint="$1" tool
	shift
	for tool in "$@"; do
		command -v "$tool" >/dev/null || die "$tool is missing ($hint)"
	done
}

# need_files HINT FILE...: dies naming the first FILE absent, with HINT.
need_files() {
	local hint="$1" f
	shift
	for f in "$@"; do
		[[ -f "$f" ]] || die "$f is missing ($hint)"
	done
}

# free_port: a loopback TCP port nobody listens on right now.
free_port() {
	"${python:-python3}" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# scratch: creates the scratch folder $work and sets cleanup as the EXIT trap.
scratch() {
	work="$(mktemp -d)"
	trap cleanup EXIT
}

# started SIGNAL PID: PID, started in the background, is to be stopped with
# SIGNAL (TERM, INT...) by stop, at the latest on exit.
started() {
	bench_procs+=("$1 $2")
}

# stop [PID...]: signals the started processes PIDs (all of them without
# arguments), then waits for each to exit.
# shellcheck disable=SC2120 # the scripts pass PIDs
stop() {
	local entry sig pid keep=() gone=()
	for entry in "${bench_procs[@]}"; do
		read -r sig pid <<<"$entry"
		if (($# == 0)) || [[ " $* " == *" $pid "* ]]; then
			kill -"$sig" "$pid" 2>/dev/null || true
			gone+=("$pid")
		else
			keep+=("$entry")
		fi
	done
	for pid in "${gone[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	bench_procs=("${keep[@]}")
}

# cleanup: the EXIT trap: stops the wrk run in flight ($wrk_pid), then every
# started process, and removes $work.
cleanup() {
	if [[ -n "${wrk_pid:-}" ]]; then
		kill -TERM "$wrk_pid" 2>/dev/null || true
		wait "$wrk_pid" 2>/dev/null || true
	fi
	# shellcheck disable=SC2119 # all of them
	stop
	rm -rf "$work"
}

# nginx_conf GOWSGI_PORT UWSGI_PORT HTTP SERVERS DIRECTIVE...: writes
# $work/nginx.conf: 2 workers with $build's gowsgi module, HTTP added to
# http{}, the gowsgi location (one line a DIRECTIVE) on GOWSGI_PORT, the
# server blocks SERVERS, and nginx -> uWSGI (start_uwsgi's socket) on
# UWSGI_PORT; logs and temp files in $work. Both listens have reuseport
# (give SERVERS' listens it too), as the README advises: without it one
# worker may take most of wrk's connections, and on CPython their requests
# then queue for that worker's GIL while the other worker's interpreter idles.
nginx_conf() {
	local gowsgi_port="$1" uwsgi_port="$2" http="$3" servers="$4" user=""
	shift 4
	if [[ $EUID -eq 0 ]]; then
		user="user root;"
	fi
	mkdir -p "$work/logs" "$work/temp"
	cat >"$work/nginx.conf" <<EOF
load_module ${build:?}/ngx_http_wsgi_module.so;
$user
worker_processes 2;
error_log $work/logs/error.log warn;
pid $work/nginx.pid;
daemon off;
events {
    worker_connections 4096;
}
http {
    $http
    access_log off;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    keepalive_requests 100000;

    server {
        listen 127.0.0.1:$gowsgi_port reuseport;
        location / {
$(printf '            %s\n' "$@")
        }
    }
$servers
    server {
        listen 127.0.0.1:$uwsgi_port reuseport;
        location / {
            include /etc/nginx/uwsgi_params;
            uwsgi_pass unix:$work/uwsgi.sock;
        }
    }
}
EOF
}

# start_nginx: nginx with $work/nginx.conf; sets nginx_pid.
start_nginx() {
	"$nginx" -p "$work/" -c "$work/nginx.conf" &
	nginx_pid=$!
	started TERM "$nginx_pid"
}

# start_uwsgi APP [OPTION...]: uWSGI (python3 plugin, a master and 2
# processes) serving the WSGI script APP on $work/uwsgi.sock, with more
# uWSGI OPTIONs, its log in $work/logs; sets uwsgi_pid.
start_uwsgi() {
	local app="$1"
	shift
	mkdir -p "$work/logs"
	uwsgi --plugin python3 --master --processes 2 --socket "$work/uwsgi.sock" --chmod-socket=666 \
		--wsgi-file "$app" "$@" --disable-logging --die-on-term \
		>"$work/logs/uwsgi.log" 2>&1 &
	uwsgi_pid=$!
	started INT "$uwsgi_pid"
}

# apache_conf DIR PORT MPM DOCROOT LOADS EXTRA: writes DIR/httpd.conf: Apache
# on PORT with mpm_MPM (event: 2 children of 32 threads; prefork: 16
# processes), the LoadModule lines LOADS, DOCROOT readable, then EXTRA;
# its run files and logs in DIR.
apache_conf() {
	local dir="$1" port="$2" mpm="$3" docroot="$4" load="$5" extra="$6" user_lines=""
	if [[ $EUID -eq 0 ]]; then
		user_lines=$'User www-data\nGroup www-data'
	fi
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
DocumentRoot $docroot
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
<Directory $docroot>
    Require all granted
</Directory>
$extra
EOF
}

# start_apache DIR: Apache with DIR/httpd.conf in the foreground, in its own
# process group; sets apache_pid.
start_apache() {
	setsid "$httpd" -d "$1" -f "$1/httpd.conf" -DFOREGROUND >"$1/logs/stdout.log" 2>&1 &
	apache_pid=$!
	started TERM "$apache_pid"
}

# wait_200 URL SECONDS [PID]: polls URL until it answers 200 (true), or until
# SECONDS have passed or process PID has exited (false).
wait_200() {
	local url="$1" deadline=$((SECONDS + $2)) pid="${3:-}" left
	while left=$((deadline - SECONDS)) && ((left > 0)); do
		if [[ "$(curl -s -o /dev/null --max-time "$left" -w '%{http_code}' "$url" || true)" == 200 ]]; then
			return 0
		fi
		if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
			return 1
		fi
		sleep 0.1
	done
	return 1
}

# wait_ok URL SECONDS [LOG...]: waits until URL answers 200, for SECONDS at
# most; if it never does, shows the end of each LOG and dies.
wait_ok() {
	local url="$1" seconds="$2" log
	shift 2
	wait_200 "$url" "$seconds" && return 0
	for log in "$@"; do
		echo "--- $log" >&2
		tail -n 40 "$log" >&2 2>/dev/null || true
	done
	die "$url does not answer 200 within ${seconds}s"
}

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

# wrk_run SECONDS URL [ARG...]: one wrk run of SECONDS against URL with
# wrk_threads threads and connections connections; the report on stdout.
wrk_run() {
	local seconds="$1" url="$2"
	shift 2
	wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" "$@" "$url"
}

# wrk_field WHAT: one number from the wrk report on stdin: rps, p50, p99 (as
# wrk prints them), p99_ms, requests, or errors (socket errors and
# non-2xx/3xx answers added up).
wrk_field() {
	case "$1" in
	rps) awk '$1 == "Requests/sec:" { print $2 }' ;;
	p50) awk '$1 == "50%" { print $2 }' ;;
	p99) awk '$1 == "99%" { print $2 }' ;;
	p99_ms) ms "$(wrk_field p99)" ;;
	requests) awk '/ requests in / { print $1 }' ;;
	errors)
		awk '/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
		     /Non-2xx or 3xx responses:/ { n += $5 }
		     END { print n + 0 }'
		;;
	*) die "wrk_field: no field '$1'" ;;
	esac
}

# measure NAME URL PID...: warm-up, then the measured run, its report on
# stderr; prints "rps p99_ms cpu_us", cpu_us being the CPU the server
# processes (PIDs and their children) spent per request: unlike requests/s
# it hardly depends on what else the machine runs.
measure() {
	local name="$1" url="$2" out n before after
	shift 2
	wrk_run "$warmup_s" "$url" >/dev/null
	before="$(cpu_ticks "$@")"
	out="$(wrk_run "$duration_s" "$url" --latency)"
	after="$(cpu_ticks "$@")"
	echo "=== $name ($url)" >&2
	echo "$out" >&2
	if grep -q "Non-2xx" <<<"$out"; then
		if declare -F show_logs >/dev/null; then
			show_logs
		fi
		die "$name answered errors"
	fi
	n="$(wrk_field requests <<<"$out")"
	((n > 0)) || die "$name served no request"
	echo "$(wrk_field rps <<<"$out") $(wrk_field p99_ms <<<"$out")" \
		"$(((after - before) * 1000000 / $(getconf CLK_TCK) / n))"
}

# measure_rounds NAME URL PIDS [NAME URL PIDS]...: measures each target in
# turn (PIDS: its server processes, blank-separated), `rounds` times over,
# so that the machine's drift falls on every target alike. Prints a line
# per target, in order: the medians of its rounds as "rps p99_ms cpu_us",
# then "|" and the requests/s of each round.
measure_rounds() {
	local -a names urls pids all_rps all_p99 all_cpu
	local round i rps p99 cpu
	while (($# >= 3)); do
		names+=("$1") urls+=("$2") pids+=("$3")
		shift 3
	done
	(($# == 0)) || die "measure_rounds: targets come as NAME URL PIDS"
	for ((round = 1; round <= rounds; round++)); do
		for i in "${!names[@]}"; do
			# shellcheck disable=SC2086 # PIDS is a list
			read -r rps p99 cpu < <(measure "${names[i]} (round $round of $rounds)" "${urls[i]}" ${pids[i]}) ||
				die "${names[i]}: no measurement"
			all_rps[i]+="$rps " all_p99[i]+="$p99 " all_cpu[i]+="$cpu "
		done
	done
	for i in "${!names[@]}"; do
		# shellcheck disable=SC2086 # word lists
		echo "$(median ${all_rps[i]}) $(median ${all_p99[i]}) $(median ${all_cpu[i]}) | ${all_rps[i]}"
	done
}

# results_table NAME RPS P99 CPU [NAME RPS P99 CPU]...: a bench's table of
# medians, one row per target.
results_table() {
	printf "%-30s %12s %10s %8s\n" "target" "requests/s" "p99 (ms)" "cpu (us)"
	while (($# >= 4)); do
		printf "%-30s %12.0f %10s %8s\n" "$1" "$2" "$3" "$4"
		shift 4
	done
	(($# == 0)) || die "results_table: rows come as NAME RPS P99 CPU"
}

# round_ratios A_ROUNDS B_ROUNDS: the requests/s ratio A/B of each round,
# from two of measure_rounds' per-round lists.
round_ratios() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		n = split(a, x, " "); split(b, y, " ")
		for (i = 1; i <= n; i++) printf "%s%.2f", (i > 1 ? " " : ""), x[i] / y[i]
		print ""
	}'
}
