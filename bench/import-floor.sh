#!/usr/bin/env bash
# The database's floor for bulk import: how many articles/s PostgreSQL alone can store on this
# machine when the rows an import writes arrive set-based (bench/import-floor.sql), with no service,
# HTTP or JSON in the way. A fresh embedded database is filled with BASE generated articles (the
# generator of bench/run.sh), then N copies of them (new ids and slugs) are written in chunks of
# 1,000 on two connections at once, as the import's two writers do, and once more on one connection
# with each statement timed. Usage: bench/import-floor.sh [N] [BASE]   (defaults 10000 and 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BASE_ARTICLES=${2:-20000}
CHUNK=1000
source bench/lib.sh
DB_DIR="$DATA/pg-import-floor"
rm -rf "$DB_DIR"
# The same database settings as bench/import.sh; the service only starts the database and stays idle.
start_service "$DB_DIR" "$DATA/import-floor-service.log" "-Xms128m -Xmx256m -XX:+UseSerialGC" \
  NEWSROOM_EMBEDDED_DATABASE_SHARED_BUFFERS=1GB NEWSROOM_EMBEDDED_DATABASE_MAX_WAL_SIZE=4GB
trap 'stop_service; rm -rf "$DB_DIR"' EXIT
generate "$BASE_ARTICLES" 20000 >/dev/null
SQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)

# Sources: N + one chunk (for the timed run) random generated articles under new ids and slugs.
"${SQL[@]}" <<SQLEOF
CREATE UNLOGGED TABLE import_floor_source AS
SELECT row_number() OVER () AS n, a.id AS original_id, gen_random_uuid() AS id, a.slug || '-copy' AS slug,
       a.slug_key || '-copy' AS slug_key, 'urn:import-floor:' || a.id AS uri, a.language, a.headline, a.body_html,
       a.excerpt, a.source_id, s.search_vector::text AS vector_text
FROM (SELECT * FROM articles ORDER BY random() LIMIT $((N + CHUNK))) a JOIN article_search s ON s.article_id = a.id;
CREATE UNLOGGED TABLE import_floor_tags AS
SELECT f.n, f.id, t.position, t.tag_id FROM import_floor_source f JOIN article_tags t ON t.article_id = f.original_id;
CHECKPOINT;
SQLEOF

writer() { # from the chunk numbered $1, every other chunk
  for ((chunk = $1; chunk < N / CHUNK; chunk += 2)); do
    "${SQL[@]}" -v lo=$((chunk * CHUNK + 1)) -v hi=$(((chunk + 1) * CHUNK)) -f bench/import-floor.sql
  done
}
START=$(date +%s.%N)
writer 0 & first=$!
writer 1 & second=$!
wait "$first" "$second" # not the service, also a child of this shell
END=$(date +%s.%N)
python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print(f'{n} articles on two connections in {s:.1f} s: {n / s:.0f} articles/s ($(nproc) cores)')" "$N" "$START" "$END"

echo "One more chunk of $CHUNK on one connection, each statement timed (ms per article):"
(echo '\timing on'; cat bench/import-floor.sql) | "${SQL[@]}" -v lo=$((N + 1)) -v hi=$((N + CHUNK)) 2>&1 \
  | python3 -c '
import re, sys
chunk = int(sys.argv[1])
names = ["articles", "article_search", "article_tags", "article_revisions", "audit_log", "ingested_documents", "commit"]
times = [float(t) for t in re.findall(r"Time: ([\d.]+) ms", sys.stdin.read())][1:]  # after BEGIN
for name, ms in zip(names, times):
    print(f"  {name:<20} {ms / chunk:.3f}")
label = "total"
print(f"  {label:<20} {sum(times) / chunk:.3f}")' "$CHUNK"
