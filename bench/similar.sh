#!/usr/bin/env bash
# Similar-articles benchmark: N published articles (default 1000000) with TAGS Zipf-distributed tags
# (default 50000, 3-8 each), then: the time to compute one list from scratch (1,000 random articles,
# admin endpoint, which no cache serves), the warm served list under wrk, how soon a publication shows
# in a list, and what the tag index costs in storage.
# Usage: bench/similar.sh [N]   (from the repository root; needs wrk: apt-get install wrk)
# JAVA_OPTS replaces the service's JVM options (default -Xms1g -Xmx1g -XX:+UseSerialGC: at 1,000,000 articles the tag
# index fills most of a 384 MB heap, and lists took 150 ms there against 10 ms with 1 GB).
# SHARED_BUFFERS: PostgreSQL's (default 2GB, as a server with a million-article archive would be given;
# the embedded default is 128MB).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
TAGS=${TAGS:-50000}
KEY=bench-admin-key-0123456789abcdef
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
source bench/lib.sh

DB_DIR="$DATA/pg-similar-$N"
SLUGS="$DATA/slugs-similar-$N.txt"
fresh=false
[ -d "$DB_DIR" ] && [ -f "$SLUGS" ] || { rm -rf "$DB_DIR"; fresh=true; }
start_service "$DB_DIR" "$DATA/similar-service.log" "${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC}" NEWSROOM_ADMIN_KEY=$KEY \
  NEWSROOM_EMBEDDED_DATABASE_SHARED_BUFFERS="${SHARED_BUFFERS:-2GB}"

if $fresh; then
  # Headlines only in the search text: stemming 2 KB bodies is most of the load time, and nothing here searches.
  generate "$N" "$TAGS" SEARCH_TEXT=headline
  cp "$DATA/slugs.txt" "$SLUGS"
fi

BASE="http://127.0.0.1:$PORT"
echo "Similar articles, $N published articles, $TAGS tags, on this machine ($(nproc) cores)"
MANAGEMENT_PORT=$MANAGEMENT_PORT python3 bench/similar_bench.py "$BASE" "$KEY" "$SLUGS" "$DATA/paths-similar.txt"
# Warm-up: the first pass computes and caches the 1,000 lists, the second lets the JIT finish its work.
for _ in 1 2; do PATHS_FILE="$DATA/paths-similar.txt" wrk -t2 -c16 -d20s -s bench/paths.lua "$BASE" >/dev/null; done
for run in 1 2 3; do
  PATHS_FILE="$DATA/paths-similar.txt" wrk -t2 -c16 -d10s --latency -s bench/paths.lua "$BASE" > "$DATA/wrk-similar-$run.txt"
done
python3 - "$DATA"/wrk-similar-{1,2,3}.txt <<'PY'
import re, statistics, sys
runs = []
for name in sys.argv[1:]:
    text = open(name).read()
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", text, re.M) and
               [(p, float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", text, re.M)])
    runs.append((float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), lat["50"], lat["99"]))
for rps, p50, p99 in runs:
    print(f"served warm (1,000 lists from the response cache), wrk -t2 -c16 -d10s: {rps:.0f} req/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms")
print(f"median of the 3 runs: {statistics.median(r[0] for r in runs):.0f} req/s, p50 {statistics.median(r[1] for r in runs):.2f} ms, "
      f"p99 {statistics.median(r[2] for r in runs):.2f} ms")
PY
if command -v psql >/dev/null || [ -x /usr/lib/postgresql/15/bin/psql ]; then
  PSQL=$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)
  "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc "SELECT 'storage: index article_tags_visible_by_tag ' || pg_size_pretty(pg_relation_size('article_tags_visible_by_tag'))
      || ', article_tags ' || pg_size_pretty(pg_relation_size('article_tags')) || ' (' || (SELECT count(*) FROM article_tags) || ' rows, 8 bytes of visible_at each)'"
fi
echo "resident memory: $(( $(ps -o rss= -p $SERVICE) / 1024 )) MB"
