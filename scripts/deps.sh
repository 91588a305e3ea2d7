#!/usr/bin/env bash
# deps.sh PROFILE... - make sure the Debian packages a make target needs are
# installed. As root, missing packages are installed with apt-get; otherwise
# the exact command to run is printed and the script exits 1.
#
# Profiles: base (tools every build uses), run, test, bench, cpython, nginx,
# nginx-bench, apache, apache-bench.
set -euo pipefail

# Go lives outside Debian's packages (bookworm's is too old): look for it where
# the project expects it, in case the caller's PATH lacks it.
export PATH="/usr/local/go/bin:$PATH"

# The packages of each profile, one "package" or "package:/path" per word.
# With a path, the package counts as installed when that file exists (use it
# when a specific program is what matters); without one, dpkg is asked.
# Add a profile here and in profile_packages below.
BASE_PKGS="make gcc:/usr/bin/gcc libc6-dev git:/usr/bin/git"
RUN_PKGS="$BASE_PKGS"
TEST_PKGS="$BASE_PKGS systemd:/usr/bin/systemd-socket-activate python3:/usr/bin/python3 curl:/usr/bin/curl"
BENCH_PKGS="$BASE_PKGS wrk:/usr/bin/wrk gunicorn:/usr/bin/gunicorn python3:/usr/bin/python3 curl:/usr/bin/curl"
# The CPython engine links Debian's libpython3 (python3-config --embed and
# pkg-config's python3-embed); its tests serve Flask and Django apps.
CPYTHON_PKGS="$BASE_PKGS libpython3-dev pkg-config python3-flask python3-django"
# The nginx module builds against Debian's nginx-dev configure tree (with
# the libraries its conf_flags name) and loads into the packaged nginx.
NGINX_PKGS="$BASE_PKGS nginx nginx-dev libpcre2-dev zlib1g-dev libssl-dev"
NGINX_BENCH_PKGS="$NGINX_PKGS wrk:/usr/bin/wrk uwsgi uwsgi-plugin-python3 curl:/usr/bin/curl"
# The Apache module builds with apxs; its tests use htpasswd's package, and
# its benchmark runs mod_wsgi (embedded mode) beside it.
APACHE_PKGS="$BASE_PKGS apache2 apache2-dev apache2-utils"
APACHE_BENCH_PKGS="$APACHE_PKGS wrk:/usr/bin/wrk libapache2-mod-wsgi-py3"

# profile_packages NAME: prints the package words of one profile.
profile_packages() {
	case "$1" in
	base) echo "$BASE_PKGS" ;;
	run) echo "$RUN_PKGS" ;;
	test) echo "$TEST_PKGS" ;;
	bench) echo "$BENCH_PKGS" ;;
	cpython) echo "$CPYTHON_PKGS" ;;
	nginx) echo "$NGINX_PKGS" ;;
	nginx-bench) echo "$NGINX_BENCH_PKGS" ;;
	apache) echo "$APACHE_PKGS" ;;
	apache-bench) echo "$APACHE_BENCH_PKGS" ;;
	*)
		echo "deps.sh: unknown profile '$1' (known: base run test bench cpython nginx nginx-bench apache apache-bench)" >&2
		return 1
		;;
	esac
}

# is_installed WORD: true when the package (or its probe file) is there.
is_installed() {
	if [[ "$1" == *:* ]]; then
		[[ -e "${1#*:}" ]]
		return
	fi
	[[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

if [[ $# -eq 0 ]]; then
	echo "usage: $0 PROFILE... (base run test bench cpython nginx nginx-bench apache apache-bench)" >&2
	exit 2
fi

# The Go toolchain cannot come from apt: say so plainly when it is absent.
if ! command -v go >/dev/null 2>&1; then
	echo "deps.sh: the Go toolchain (1.26 or later) was not found in /usr/local/go/bin or on PATH" >&2
	exit 1
fi

# Collect the missing packages of every profile asked for, without repeats.
missing=()
for profile in "$@"; do
	words="$(profile_packages "$profile")"
	for word in $words; do
		pkg="${word%%:*}"
		if is_installed "$word"; then
			continue
		fi
		if [[ " ${missing[*]-} " != *" $pkg "* ]]; then
			missing+=("$pkg")
		fi
	done
done

if [[ ${#missing[@]} -eq 0 ]]; then
	exit 0
fi

if [[ $EUID -ne 0 ]]; then
	echo "deps.sh: missing Debian packages for '$*': ${missing[*]}" >&2
	echo "Install them with:" >&2
	echo "  sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps.sh: missing packages (${missing[*]}) and no apt-get to install them" >&2
	exit 1
fi

echo "deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

# Check again: a package that installed but did not bring its probe file
# means the profile list is wrong, which is better caught here.
for profile in "$@"; do
	for word in $(profile_packages "$profile"); do
		if ! is_installed "$word"; then
			echo "deps.sh: '$word' is still missing after apt-get install" >&2
			exit 1
		fi
	done
done
