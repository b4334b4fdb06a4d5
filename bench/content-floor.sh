#!/usr/bin/env bash
# Floors for the content API benchmark (bench/run.sh) on this machine, to tell what the targets ask
# of the parts: (1) PostgreSQL alone answering the by-slug statement, the search ranking statement,
# a similar list's two statements and the same list read from stored summaries (a lab table),
# with pgbench (-j2, prepared statements as the service's pool sends them, 2 and 16 connections; the
# statements are read from the application's classes by bench/FloorStatements.java), and (2) the
# service alone, answering one article from its response cache with no database work (wrk -t2 -c16
# on one URL).
# Usage: bench/content-floor.sh [N]   (from the repository root; needs the database bench/run.sh N made)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
command -v pgbench >/dev/null && command -v wrk >/dev/null || { echo "pgbench and wrk are needed: apt-get install postgresql-client wrk" >&2; exit 1; }
source bench/lib.sh
DB_DIR="$DATA/pg-$N"
[ -d "$DB_DIR" ] || { echo "$DB_DIR is missing: run bench/run.sh $N first" >&2; exit 1; }
# The settings of bench/run.sh.
start_service "$DB_DIR" "$DATA/floor-service.log" "-Xms240m -Xmx240m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000" \
  NEWSROOM_EMBEDDED_DATABASE_SHARED_BUFFERS=1GB MALLOC_ARENA_MAX=2 NEWSROOM_CACHE_RESPONSE_CACHE_SIZE=32MB
SQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres)
trap '"${SQL[@]}" -c "DROP TABLE IF EXISTS floor_keys, floor_queries, floor_lists, floor_summaries" || true; stop_service' EXIT
java -cp "target/classes:$(cat target/classpath.txt)" bench/FloorStatements.java \
  "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" "$DATA/queries-content-$N.txt" "$DATA/floor"

median_of_three() { echo "$@" | tr ' ' '\n' | sort -n | sed -n 2p; }

echo "Floors on this machine ($(nproc) cores), $N published articles; each: 20 s warm-up, then three 20 s runs"
database() { # name, pgbench script, clients: 20 s warm-up, then three 20 s runs
  local runs=""
  # a failing statement stops the script with pgbench's own words (it died silently when the by-slug statement changed)
  pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U postgres -c"$3" -j2 -T20 -M prepared -f "$2" postgres > "$DATA/floor/last.txt" 2>&1 \
    || { echo "pgbench failed on $2:" >&2; grep -m3 -i error "$DATA/floor/last.txt" >&2; exit 1; }
  for _ in 1 2 3; do
    runs="$runs $(pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U postgres -c"$3" -j2 -T20 -M prepared -f "$2" postgres 2>&1 \
      | awk '/^tps/ {printf "%.0f", $3}')"
  done
  echo "PostgreSQL alone, $1, $3 connections: statements/s$runs (median $(median_of_three $runs))"
}
# Two connections keep both cores busy with the least switching (PostgreSQL's best rate here); sixteen
# are as many as wrk's, about what the service's pool of ten passes on.
for clients in 2 16; do
  database "by slug" "$DATA/floor/by-slug.pgb" $clients
  database "search ranking (first page of 10)" "$DATA/floor/search.pgb" $clients
  # a similar list's statements (lists/s): today's, and the floor of the problem (stored summaries)
  database "similar list, seed + 13 summaries" "$DATA/floor/similar.pgb" $clients
  database "similar list floor, seed row + 13 stored summaries" "$DATA/floor/similar-stored.pgb" $clients
done

URL="http://127.0.0.1:$PORT/api/content/articles/$(head -1 "$DATA/slugs-content-$N.txt")"
wrk -t2 -c16 -d20s "$URL" >/dev/null
runs=""
for _ in 1 2 3; do
  runs="$runs $(wrk -t2 -c16 -d20s "$URL" | awk '/Requests\/sec/ {printf "%.0f", $2}')"
done
echo "The service alone, one article from its response cache: requests/s$runs (median $(median_of_three $runs))"
