#!/usr/bin/env bash
# Varnish with the shipped VCL in front of an instance on this machine, for benchmarks:
#   bench/varnish.sh BACKEND_PORT [VARNISH_PORT]   (run from the repository root; Ctrl-C stops it)
# e.g. with bench/lib.sh's start_service on $PORT: bench/varnish.sh "$PORT" 6081 &, then load
# http://127.0.0.1:6081 and start the instance with NEWSROOM_CDN_PURGE=varnish
# NEWSROOM_CDN_VARNISH_URLS=http://127.0.0.1:6081/ so that its changes are purged.
# Needs Debian's varnish and varnish-modules (tools/test-prerequisites.sh installs them).
set -euo pipefail
backend=${1:?usage: bench/varnish.sh BACKEND_PORT [VARNISH_PORT]}
listen=${2:-6081}
work=$(mktemp -d "${PWD}/bench/data/varnish.XXXXXX" 2>/dev/null || { mkdir -p bench/data; mktemp -d "${PWD}/bench/data/varnish.XXXXXX"; })
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
deploy/varnish/render-vcl.sh "127.0.0.1:$backend" > "$work/newsroom.vcl"
chmod 644 "$work/newsroom.vcl"
varnishd=$(command -v varnishd || echo /usr/sbin/varnishd)
echo "Varnish on 127.0.0.1:$listen in front of 127.0.0.1:$backend" >&2
"$varnishd" -F -a "127.0.0.1:$listen" -T 127.0.0.1:0 -f "$work/newsroom.vcl" -n "$work/varnishd" -s malloc,256m &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
wait "$pid"
