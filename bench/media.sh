#!/usr/bin/env bash
# Photos benchmark: uploads of large JPEGs and serving of stored renditions, against the running jar
# with the content benchmark's memory settings (240 MB heap, bench/run.sh). Prints, each with its
# baseline measured in the same run:
#   - upload of a 24-megapixel JPEG, answered with its default renditions made (median of RUNS), against
#     Pillow making the same renditions from the same file (bench/media_photos.py baseline)
#   - requests/s serving stored renditions, against an article by slug (wrk, same settings)
#   - the service's largest resident memory while 24 and 60 MP uploads run beside by-slug reads,
#     against the content benchmark's 512 MB
#   - the same rendition files served by nginx from the same directory: the floor of sending these bytes
#     on this machine, whatever the service does
# Usage: bench/media.sh [ARTICLES]   (from the repository root; needs wrk, python3-pil, curl, nginx, webp)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
RUNS=${RUNS:-5}
# Pillow for the test photos and the baseline: Debian's python3-pil (the system Python, not a pyenv one)
PY=${PYTHON:-/usr/bin/python3}
DURATION=${DURATION:-15s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is needed for the floor: apt-get install nginx-light" >&2; exit 1; }
# The service as its container image runs it (extracted jar, class data sharing archive): the memory
# figure is about the deployed service. BENCH_LAUNCH=jar runs the fat jar instead.
BENCH_LAUNCH=${BENCH_LAUNCH:-image}
source bench/lib.sh

MEDIA_DIR="$DATA/media-photos"
start_media_service "$N" "$MEDIA_DIR" "$DATA/service-media.log" "${JAVA_OPTS:--Xms240m -Xmx240m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}" "${WARM_UP:-30s}"

# upload FILE TAG: seconds until the 201 (different trailing bytes each time: a new photo, the same pixels;
# the run's own prefix, since the database, and the library in it, is kept from run to run)
RUN_TAG=$(date +%s%N)
upload() {
  local copy="$DATA/upload-$2.jpg"
  { cat "$1"; printf '%s-%s' "$RUN_TAG" "$2"; } > "$copy"
  curl -s -o "$DATA/upload-$2.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $KEY" -F "file=@$copy;type=image/jpeg" \
    "$BASE/api/admin/media" | awk '$1 != 201 { print "upload answered " $1 > "/dev/stderr"; exit 1 } { print $2 }'
  rm -f "$copy"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Photos, wrk -t2 -c16 -d$DURATION and $RUNS runs each on this machine ($(nproc) cores), heap 240 MB"
upload "$PHOTOS/24mp.jpg" warm >/dev/null # the first upload loads the image classes and compiles the hot loops
UPLOAD=$(for i in $(seq 1 "$RUNS"); do upload "$PHOTOS/24mp.jpg" "u$i"; done | median)
PILLOW=$(for i in $(seq 1 "$RUNS"); do "$PY" bench/media_photos.py baseline "$PHOTOS/24mp.jpg"; done | median)
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'upload of a 24 MP JPEG, 10 renditions made   {a:6.2f} s   Pillow, same renditions {b:6.2f} s   ratio {a / b:.2f}')" "$UPLOAD" "$PILLOW"

# Renditions of the uploaded photos, as readers ask for them: every width, both formats.
python3 - "$DATA" "$RUNS" > "$DATA/paths-renditions.txt" <<'PY'
import json, sys
data, runs = sys.argv[1], int(sys.argv[2])
for i in range(1, runs + 1):
    for r in json.load(open(f"{data}/upload-u{i}.json"))["renditions"]:
        if r["crop"] == "original":
            print(r["url"][r["url"].index("/media/"):])
PY
sed 's|^|/api/content/articles/|' "$DATA/slugs-media-$N.txt" > "$DATA/paths-slug-media.txt"
# A run with any answer but 200 would measure errors, not files: it fails the benchmark.
rate() {
  PATHS_FILE="$1" wrk -t2 -c16 -d"$DURATION" -s bench/paths.lua "${2:-$BASE}" \
    | awk '/Non-2xx/ { print "wrk got answers other than 200: " $0 > "/dev/stderr"; bad = 1 } /Requests\/sec/ { r = $2 } END { if (bad) exit 1; printf "%.0f", r }'
}
# The floor: nginx sending the same files from the same directory (sendfile, no log), on the same cores.
NGINX_PORT=${BENCH_NGINX_PORT:-8091}
start_nginx "$MEDIA_DIR" "$NGINX_PORT"
trap 'stop_nginx; stop_service' EXIT
FIRST=$(head -1 "$DATA/paths-renditions.txt")
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT$FIRST")" = 200 ] || { echo "nginx does not serve $FIRST" >&2; exit 1; }
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
rate "$DATA/paths-slug-media.txt" >/dev/null # warm-up of both paths
rate "$DATA/paths-renditions.txt" >/dev/null
# The three taken in turn, three times: the machine's speed drifts, so each median is of runs side by side.
: > "$DATA/rates-media.txt"
for i in 1 2 3; do
  slug=$(rate "$DATA/paths-slug-media.txt")
  media=$(rate "$DATA/paths-renditions.txt")
  floor=$(rate "$DATA/paths-renditions.txt" "$NGINX_URL")
  echo "$slug $media $floor" >> "$DATA/rates-media.txt"
done
stop_nginx
trap stop_service EXIT
SLUG=$(awk '{ print $1 }' "$DATA/rates-media.txt" | median)
MEDIA=$(awk '{ print $2 }' "$DATA/rates-media.txt" | median)
FLOOR=$(awk '{ print $3 }' "$DATA/rates-media.txt" | median)
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'stored rendition {a:8.0f} req/s   article by slug {b:8.0f} req/s   ratio {a / b:.2f} (target >= 1)')" "$MEDIA" "$SLUG"
python3 -c "import sys; a, b, c = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]); print(f'nginx, same rendition files {b:8.0f} req/s   service / nginx {a / b:.2f}   nginx / article by slug {b / c:.2f}')" "$MEDIA" "$FLOOR" "$SLUG"

# Memory: by-slug reads for the whole time, two upload loops (24 MP and 60 MP) beside them.
PATHS_FILE="$DATA/paths-slug-media.txt" wrk -t1 -c8 -d60s -s bench/paths.lua "$BASE" > /dev/null &
READS=$!
( for i in 1 2 3; do upload "$PHOTOS/60mp.jpg" "m60-$i" >/dev/null; done ) &
BIG=$!
( for i in 1 2 3 4; do upload "$PHOTOS/24mp.jpg" "m24-$i" >/dev/null; done ) &
MID=$!
PEAK=0
while kill -0 "$BIG" 2>/dev/null || kill -0 "$MID" 2>/dev/null; do
  RSS=$(( $(ps -o rss= -p "$SERVICE") / 1024 ))
  [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  sleep 0.5
done
wait "$BIG" && wait "$MID" || { echo "an upload failed under load; see $DATA/service-media.log" >&2; exit 1; }
kill "$READS" 2>/dev/null || true
echo "largest resident memory with 60 and 24 MP uploads beside reads: $PEAK MB (limit 512 MB)"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$DATA/service-media.log" || true)"
