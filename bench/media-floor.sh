#!/usr/bin/env bash
# Where the time of serving a rendition goes: the service against nginx sending the same files, nginx
# made to send them the ways Tomcat does, and an article by slug, on a small rendition, a large one and
# every width. Prints requests/s (median of ROUNDS, the servers taken in turn each round), the ratios,
# and the CPU each server spent per request (user + system, from /proc, over the same runs).
#
# The ways Tomcat sends a body, and nginx's settings that do the same:
#   - a rendition of 48 KB or more goes by sendfile after the headers were written on their own: nginx
#     "sendfile on; tcp_nopush off;" (nginx's fast path corks the headers and the file into full packets);
#   - a body written from memory goes out in pieces of socket.appWriteBufSize, 8 KB, one write each:
#     nginx "sendfile off; output_buffers 1 8k;".
# Also a JVM sender without a servlet container (bench/MediaSenderFloor.java, Netty): what a dedicated
# sender inside the service could reach.
# With Debian's varnish installed, also Varnish with the shipped VCL in front of the service
# (bench/varnish.sh): renditions and articles by slug from its cache, as deployed at scale.
# Usage: bench/media-floor.sh [ARTICLES]   (from the repository root; needs wrk, curl, nginx, python3-pil, webp)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is needed: apt-get install nginx-light" >&2; exit 1; }
source bench/lib.sh

MEDIA_DIR="$DATA/media-floor"
start_media_service "$N" "$MEDIA_DIR" "$DATA/service-media-floor.log" "${JAVA_OPTS:--Xms240m -Xmx240m -XX:+UseSerialGC}" "${WARM_UP:-10s}"
sed 's|^|/api/content/articles/|' "$DATA/slugs-media-$N.txt" > "$DATA/paths-slug-floor.txt"

# Three photos (the 24 MP JPEG with different trailing bytes: three library items), their renditions
# of the original crop: every width, both formats, as bench/media.sh serves them.
upload_photo_copies floor "$DATA/paths-floor-all.txt"
grep -m1 '/w320\.jpg$' "$DATA/paths-floor-all.txt" > "$DATA/paths-floor-small.txt"
grep -m1 '/w1920\.jpg$' "$DATA/paths-floor-all.txt" > "$DATA/paths-floor-large.txt"
size_of() { curl -s -o /dev/null -w '%{size_download}' "$BASE$(head -1 "$1")"; }
echo "Renditions: small $(size_of "$DATA/paths-floor-small.txt") bytes (320 wide), large $(size_of "$DATA/paths-floor-large.txt") bytes (1920 wide), all: $(wc -l < "$DATA/paths-floor-all.txt") files"

# Each nginx on a port of its own, all serving the service's directory.
declare -A NGINX_PIDS NGINX_PORTS
NGINX_DIRS=()
nginx_variant() { # NAME PORT DIRECTIVES
  start_nginx "$MEDIA_DIR" "$2" "$3"
  NGINX_PIDS[$1]=$NGINX
  NGINX_PORTS[$1]=$2
  NGINX_DIRS+=("$NGINX_DIR")
}
stop_all() {
  for pid in "${NGINX_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for dir in "${NGINX_DIRS[@]}"; do rm -rf "$dir"; done
  stop_service
}
trap stop_all EXIT
nginx_variant nginx 8093 "sendfile on; tcp_nopush on;"
nginx_variant nginx-sendfile-headers-apart 8094 "sendfile on; tcp_nopush off;"
nginx_variant nginx-8k-writes 8095 "sendfile off; output_buffers 1 8k;"
# Varnish with the shipped VCL in front of the service, as docs/guide.md deploys it (when installed):
# renditions and articles by slug from its cache.
VARNISH_PORT=8096
SERVERS=(slug service nginx nginx-sendfile-headers-apart nginx-8k-writes jvm-sender)
# The floor of a JVM without a servlet container (bench/MediaSenderFloor.java: Netty, headers and file in
# one flush, no lookup), with the Netty jars the service's jar carries.
NETTY_LIB="$DATA/netty-lib"
rm -rf "$NETTY_LIB" && mkdir -p "$NETTY_LIB"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/netty-*' -d "$NETTY_LIB"
java -Xms64m -Xmx64m -XX:+UseSerialGC -cp "$NETTY_LIB/*" bench/MediaSenderFloor.java "$MEDIA_DIR" 8097 > "$DATA/jvm-sender.log" 2>&1 &
NGINX_PIDS[jvm-sender]=$!
NGINX_PORTS[jvm-sender]=8097
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:8097/" && break; sleep 0.2; done
curl -s -o /dev/null "http://127.0.0.1:8097/" || { echo "the JVM sender did not start; see $DATA/jvm-sender.log" >&2; exit 1; }
if command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ]; then
  bench/varnish.sh "$PORT" "$VARNISH_PORT" 2>/dev/null &
  VARNISH=$!
  NGINX_PIDS[varnish]=$VARNISH
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$VARNISH_PORT/" && break; sleep 0.1; done
  curl -s -o /dev/null "http://127.0.0.1:$VARNISH_PORT/" || { echo "Varnish did not start (its VCL needs Debian's varnish-modules)" >&2; exit 1; }
  SERVERS+=(varnish-slug varnish)
fi

# CPU ticks (user + system) of each process given, one "pid ticks" line each (threads included; nginx:
# its workers); a process gone by the second reading (a worker nginx replaced) is left out of both.
ticks() { for pid in "$@"; do [ -r "/proc/$pid/stat" ] && awk -v pid="$pid" '{ print pid, $14 + $15 }' "/proc/$pid/stat"; done; true; }
spent() { awk 'NR == FNR { before[$1] = $2; next } $1 in before { t += $2 - before[$1] } END { print t + 0 }' <(echo "$1") <(echo "$2"); }
workers() { pgrep -P "$1" | tr '\n' ' '; }
HZ=$(getconf CLK_TCK)
# run SERVER FILES (small, large or all): appends "server files rate cpu_us_per_request" to the results
RESULTS="$DATA/rates-media-floor.txt"
: > "$RESULTS"
run() {
  local server=$1 files=$2 url pids
  case $server in
    service | slug) url=$BASE; pids=$SERVICE ;;
    # Varnish's CPU: its manager and cache processes (the service behind it is idle once all is cached)
    varnish | varnish-slug) url="http://127.0.0.1:$VARNISH_PORT"; pids=$(pgrep -f "varnishd.*127.0.0.1:$VARNISH_PORT" | tr '\n' ' ') ;;
    jvm-sender) url="http://127.0.0.1:${NGINX_PORTS[$server]}"; pids=${NGINX_PIDS[$server]} ;;
    *) url="http://127.0.0.1:${NGINX_PORTS[$server]}"; pids=$(workers "${NGINX_PIDS[$server]}") ;;
  esac
  local paths="$DATA/paths-floor-$files.txt"
  [ "$server" = slug ] || [ "$server" = varnish-slug ] && paths="$DATA/paths-slug-floor.txt"
  # shellcheck disable=SC2086 # pids are words
  local before; before=$(ticks $pids)
  local out; out=$(PATHS_FILE="$paths" wrk -t2 -c16 -d"$DURATION" -s bench/paths.lua "$url")
  # shellcheck disable=SC2086
  local after; after=$(ticks $pids)
  if grep -q Non-2xx <<<"$out"; then echo "$server answered other than 200 on $files" >&2; exit 1; fi
  local requests; requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  local rate; rate=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  echo "$server $files $rate $(( $(spent "$before" "$after") * 1000000 / HZ / requests ))" >> "$RESULTS"
}
for files in small large all; do for server in "${SERVERS[@]}"; do run "$server" "$files"; done; done # warm-up, Varnish's cache filled
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for files in small large all; do
    for server in "${SERVERS[@]}"; do run "$server" "$files"; done
  done
done

python3 - "$RESULTS" <<'PY'
import statistics, sys
from collections import defaultdict
rates, cpu = defaultdict(list), defaultdict(list)
for line in open(sys.argv[1]):
    server, files, rate, us = line.split()
    key = server if server in ("slug", "varnish-slug") else (server, files)
    rates[key].append(float(rate)); cpu[key].append(float(us))
slug = statistics.median(rates["slug"])
print(f"article by slug: {slug:8.0f} req/s   {statistics.median(cpu['slug']):5.0f} us CPU per request (the service)")
if "varnish-slug" in rates:
    print(f"article by slug through Varnish: {statistics.median(rates['varnish-slug']):8.0f} req/s   {statistics.median(cpu['varnish-slug']):5.0f} us CPU per request (Varnish)")
for files in ("small", "large", "all"):
    floor = statistics.median(rates[("nginx", files)])
    print(f"\n{files} rendition(s)        req/s   of slug   of nginx   CPU us/request (that server)")
    for server in [s for s in ("service", "nginx", "nginx-sendfile-headers-apart", "nginx-8k-writes", "jvm-sender", "varnish") if (s, files) in rates]:
        r = statistics.median(rates[(server, files)]); c = statistics.median(cpu[(server, files)])
        print(f"  {server:30s} {r:8.0f}   {r / slug:6.2f}   {r / floor:8.2f}   {c:6.0f}")
PY
