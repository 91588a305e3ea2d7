#!/usr/bin/env bash
# configure.sh NGINX_SRC BUILD_DIR - prepare BUILD_DIR for building this
# module against Debian's nginx: copy the nginx-dev configure tree into
# BUILD_DIR/src (configure writes into the tree it runs in) and configure
# it with the flags the packaged nginx was built with, so the module loads
# into it. The module is then built with
#   make -C BUILD_DIR/src -f BUILD_DIR/obj/Makefile modules
set -euo pipefail

if [[ $# -ne 2 ]]; then
	echo "usage: $0 NGINX_SRC BUILD_DIR" >&2
	exit 2
fi

src="$1"
build="$(realpath -m "$2")"
module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ ! -f "$src/conf_flags" ]]; then
	echo "configure.sh: $src/conf_flags not found; install nginx-dev (scripts/deps.sh nginx)" >&2
	exit 1
fi

rm -rf "$build"
mkdir -p "$build"
cp -a "$src" "$build/src"
cd "$build/src"

# shellcheck source=/dev/null
. ./conf_flags
if ! ./configure "${NGX_CONF_FLAGS[@]}" --add-dynamic-module="$module" \
	--builddir="$build/obj" >"$build/configure.log" 2>&1; then
	tail -20 "$build/configure.log" >&2
	echo "configure.sh: nginx's configure failed; see $build/configure.log" >&2
	exit 1
fi
