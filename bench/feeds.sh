#!/usr/bin/env bash
# Feed intake benchmark: FEEDS feeds (default 1000) of ITEMS Arabic stories (default 20) served by a
# local HTTP server (bench/feed_server.py), polled by the running jar on a fresh embedded database.
# Usage: bench/feeds.sh [FEEDS] [ITEMS]   (from the repository root)
#
# Prints, each a median of ROUNDS runs where it repeats:
# - the first poll of every feed: new articles per second (the same-story check on: about one story in
#   ten is told again by another feed in its own words and should join the first telling's story);
# - a steady-state round where nothing changed (every feed answers 304): feed polls per second;
# - the baselines they are judged against in the same run: for the first poll, the same stories sent
#   as one bulk import (the fastest write path, with none of the feed's work); for the steady state,
#   the feed server alone answering the same conditional GETs (bench/feed_client.py), and PostgreSQL
#   alone running the statements one steady-state poll runs (claim, record) under pgbench.
set -euo pipefail
cd "$(dirname "$0")/.."
FEEDS=${1:-1000}
ITEMS=${2:-20}
ROUNDS=${ROUNDS:-3}
FEED_PORT=${BENCH_FEED_PORT:-8091}
source bench/lib.sh
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
[ -x "$PG_BIN/psql" ] || { echo "psql and pgbench are needed: apt-get install postgresql-client" >&2; exit 1; }
KEY=bench_feeds_admin_key_0123456789
DB_DIR="$DATA/pg-feeds"
rm -rf "$DB_DIR" # the first poll must find nothing there

# the vocabulary: every Arabic word of three letters or more in the project's Arabic texts
VOCABULARY="$DATA/vocabulary.txt"
cat src/test/resources/stories/same-story-pairs.tsv src/test/resources/feeds/*.xml src/main/resources/demo/* 2>/dev/null \
  | grep -oP '[\x{0600}-\x{06FF}]{3,}' | sort | uniq -c | sort -rn | awk '{print $2}' > "$VOCABULARY"
python3 bench/feed_server.py "$FEED_PORT" "$FEEDS" "$ITEMS" "$VOCABULARY" > "$DATA/feed-server.log" 2>&1 &
FEED_SERVER=$!
for _ in $(seq 1 240); do curl -sf "127.0.0.1:$FEED_PORT/stats" >/dev/null && break; sleep 0.5; done
cat "$DATA/feed-server.log"
curl -sf "127.0.0.1:$FEED_PORT/stats" >/dev/null || { echo "the feed server did not start" >&2; exit 1; }

start_service "$DB_DIR" "$DATA/service-feeds.log" "${JAVA_OPTS:--Xms512m -Xmx512m}" NEWSROOM_ADMIN_KEY="$KEY" \
  NEWSROOM_FEEDS_ALLOW_PRIVATE_TARGETS=true NEWSROOM_WARM_UP_DURATION=0s NEWSROOM_FEEDS_POLL_INTERVAL=200ms
trap 'stop_service; kill $FEED_SERVER 2>/dev/null || true' EXIT
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atq)
BASE="http://127.0.0.1:$PORT"

# one source per 10 feeds, every feed added switched off, so that the clock starts when all are on
python3 - "$BASE" "$KEY" "$FEEDS" "$FEED_PORT" <<'PY'
import json, sys, urllib.request
base, key, feeds, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def post(path, body):
    request = urllib.request.Request(base + path, json.dumps(body).encode(), {"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))
source = None
for n in range(feeds):
    if n % 10 == 0:
        source = post("/api/admin/sources", {"name": f"منفذ {n // 10}", "url": f"https://outlet-{n // 10}.example/"})["id"]
    post(f"/api/admin/sources/{source}/feeds", {"url": f"http://127.0.0.1:{port}/feed/{n}.xml", "enabled": False, "intervalSeconds": 3600})
PY

# waits until every feed was polled after $1 (epoch seconds); prints the seconds it took
wait_round() {
  local since=$1
  while [ "$("${PSQL[@]}" -c "SELECT count(*) FROM source_feeds WHERE last_polled_at >= to_timestamp($since)")" -lt "$FEEDS" ]; do sleep 0.1; done
  python3 -c "import time, sys; print(f'{time.time() - float(sys.argv[1]):.2f}')" "$since"
}
median() { python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.0f}')" "$@"; }

# CPU seconds used so far by the service, by PostgreSQL's processes and by the feed server
cpu() {
  local tick service postgres server
  tick=$(getconf CLK_TCK)
  service=$(awk '{print $14 + $15}' "/proc/$SERVICE/stat")
  postgres=$(for p in $(pgrep -x postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}')
  server=$(awk '{print $14 + $15}' "/proc/$FEED_SERVER/stat")
  echo "$((service / tick)) $((postgres / tick)) $((server / tick))"
}

echo "Feed intake: $FEEDS feeds of $ITEMS items, 1 instance, $(nproc) cores, newsroom.feeds.concurrency default"
read -r service0 postgres0 server0 < <(cpu)
start=$(date +%s.%N)
"${PSQL[@]}" -c "UPDATE source_feeds SET enabled = true, next_poll_at = now()"
seconds=$(wait_round "$start")
read -r created joined failed < <("${PSQL[@]}" -F ' ' -c "SELECT (SELECT sum(items_created) FROM source_feeds),
  (SELECT count(*) FROM articles WHERE story_lead_id IS NOT NULL), (SELECT count(*) FROM source_feeds WHERE last_status IS DISTINCT FROM 200)")
FIRST=$(python3 -c "print(f'{$created / $seconds:.0f}')")
read -r service1 postgres1 server1 < <(cpu)
echo "first poll: $created new articles in $seconds s = $FIRST articles/s ($joined joined a story told by another feed; feeds failed: $failed)   (target ≥ 300/s)"
echo "  CPU seconds meanwhile: service $((service1 - service0)), PostgreSQL $((postgres1 - postgres0)), feed server $((server1 - server0)) (of $(python3 -c "print(round($seconds * $(nproc)))") on $(nproc) cores)"

# the same-story joins against the truth: a retelling should be in its original's story, and no
# story should hold two different events (an item's event: the original it retells, else itself)
python3 bench/feed_server.py 0 "$FEEDS" "$ITEMS" "$VOCABULARY" --retellings > "$DATA/retellings.txt"
"${PSQL[@]}" -F ' ' <<SQL
CREATE TEMP TABLE retellings (n int, i int, original int);
\copy retellings FROM '$DATA/retellings.txt' WITH (FORMAT text, DELIMITER ' ')
CREATE TEMP TABLE items AS
  SELECT split_part(split_part(d.uri, ':bench-', 2), '-', 1)::int AS n, split_part(split_part(d.uri, ':bench-', 2), '-', 2)::int AS i,
         a.id, a.story_lead_id, coalesce(a.story_lead_id, a.id) AS story
  FROM ingested_documents d JOIN articles a ON a.id = d.article_id WHERE d.uri LIKE 'feed:%';
CREATE TEMP TABLE events AS
  SELECT it.*, coalesce(r.original, it.n) AS event_n, CASE WHEN r.original IS NULL THEN it.i ELSE 0 END AS event_i
  FROM items it LEFT JOIN retellings r ON r.n = it.n AND r.i = it.i;
SELECT format('same story: %s retellings, %s in their original''s story (recall %s); %s articles joined a story, %s of them another event''s (precision %s)',
  (SELECT count(*) FROM retellings), together, round(together::numeric / greatest((SELECT count(*) FROM retellings), 1), 3),
  joined, wrong, round(1 - wrong::numeric / greatest(joined, 1), 3))
FROM (SELECT
  (SELECT count(*) FROM events e JOIN events o ON o.n = e.event_n AND o.i = e.event_i AND o.n <> e.n WHERE e.story = o.story) AS together,
  (SELECT count(*) FROM events WHERE story_lead_id IS NOT NULL) AS joined,
  (SELECT count(*) FROM events m JOIN events l ON l.id = m.story_lead_id WHERE (m.event_n, m.event_i) <> (l.event_n, l.event_i)) AS wrong) f;
SQL

# steady state: every feed due again, every answer a 304
rates=()
for round in $(seq 1 "$ROUNDS"); do
  before=$(curl -s "127.0.0.1:$FEED_PORT/stats" | awk '{print $2}')
  start=$(date +%s.%N)
  "${PSQL[@]}" -c "UPDATE source_feeds SET next_poll_at = now()"
  seconds=$(wait_round "$start")
  after=$(curl -s "127.0.0.1:$FEED_PORT/stats" | awk '{print $2}')
  rate=$(python3 -c "print(f'{$FEEDS / $seconds:.0f}')")
  rates+=("$rate")
  echo "steady round $round: $FEEDS polls in $seconds s = $rate polls/s ($((after - before)) answered 304)"
done
STEADY=$(median "${rates[@]}")

# the first poll's baseline in the same run: the same stories through today's fastest write path, a
# bulk import (batched inserts, no feed fetched or parsed, no same-story check, no webhooks), into
# the same database (which then holds them twice over)
python3 bench/feed_server.py 0 "$FEEDS" "$ITEMS" "$VOCABULARY" --bulk > "$DATA/feeds-bulk.ndjson"
start=$(date +%s.%N)
bulk_created=$(curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/x-ndjson' --data-binary @"$DATA/feeds-bulk.ndjson" \
  "$BASE/api/admin/ingest/bulk" | python3 -c 'import json, sys; print(json.load(sys.stdin)["created"])')
BULK=$(python3 -c "import time, sys; print(f'{$bulk_created / (time.time() - float(sys.argv[1])):.0f}')" "$start")

# floors in the same run: the feed server alone, and PostgreSQL alone on one steady poll's statements
client=()
for round in $(seq 1 "$ROUNDS"); do
  client+=("$(python3 bench/feed_client.py "$FEED_PORT" "$FEEDS" 8)")
done
CLIENT=$(median "${client[@]}")
cat > "$DATA/steady-poll.sql" <<'SQL'
\set n random(0, 999)
UPDATE source_feeds SET claimed_until = now() + interval '2 minutes' WHERE id IN (
  SELECT id FROM source_feeds WHERE enabled AND next_poll_at <= now() + interval '1 hour' AND (claimed_until IS NULL OR claimed_until < now())
  ORDER BY next_poll_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING *;
UPDATE source_feeds SET claimed_until = NULL, last_polled_at = now(), last_status = 304, next_poll_at = now() + interval '1 hour'
  WHERE url = 'http://127.0.0.1:8091/feed/' || :n || '.xml';
SQL
PG=$(PGUSER=postgres "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -n -M prepared -c 2 -j 2 -T 10 -f "$DATA/steady-poll.sql" postgres 2>/dev/null \
  | awk '/^tps/ {printf "%.0f", $3}')
echo
echo "steady state (median of $ROUNDS): $STEADY polls/s   (target ≥ 200/s)"
echo "  feed server alone, the same 304s, 8 clients: $CLIENT/s; service / that = $(python3 -c "print(f'{$STEADY / $CLIENT:.2f}')")"
echo "  PostgreSQL alone, claim + record of one poll (pgbench, 2 clients): $PG/s; service / that = $(python3 -c "print(f'{$STEADY / $PG:.2f}')")"
echo "first poll: $FIRST articles/s   (target ≥ 300/s)"
echo "  the same stories as a bulk import: $bulk_created at $BULK articles/s; first poll / that = $(python3 -c "print(f'{$FIRST / $BULK:.2f}')")"
echo "service resident memory: $(( $(ps -o rss= -p "$SERVICE") / 1024 )) MB"
