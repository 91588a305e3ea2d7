#!/usr/bin/env bash
# run-conf.sh DIR MODULE SITE PORT - prints a minimal Apache server
# configuration for `make run-apache`: the modules the site needs, the
# module built in this tree, logs and runtime files under DIR, and SITE
# (examples/apache/gowsgi.conf) on 127.0.0.1:PORT.
set -euo pipefail

dir="$1" module="$2" site="$3" port="$4"
modules=/usr/lib/apache2/modules
user=www-data
# Apache refuses to serve as root; as anyone else it keeps its own user.
[[ $EUID -eq 0 ]] || user="$(id -un)"

cat <<CONF
ServerRoot /etc/apache2
DefaultRuntimeDir $dir
PidFile $dir/httpd.pid
ServerName localhost
User $user
Group $(id -gn "$user")

LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule mime_module $modules/mod_mime.so
LoadModule alias_module $modules/mod_alias.so
LoadModule dir_module $modules/mod_dir.so
LoadModule gowsgi_module $module

TypesConfig /etc/mime.types
DirectoryIndex index.html
ErrorLog $dir/error.log
LogLevel info
LogFormat "%h %l %u %t \"%r\" %>s %b %D" timing
CustomLog $dir/access.log timing

<Directory />
    Require all denied
    AllowOverride None
</Directory>

Define GOWSGI_EXAMPLES $(dirname "$(dirname "$site")")
Define GOWSGI_PORT $port
Listen 127.0.0.1:$port
Include $site
CONF
