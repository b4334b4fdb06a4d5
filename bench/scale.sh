#!/usr/bin/env bash
# Past one database: readers' load on a PostgreSQL primary, on a streaming replica, and through Varnish
# with the shipped VCL, and how soon an editor's save is served fresh by Varnish. One run, on this machine:
#   - a primary and a hot standby (bench/replica-pair.sh, the pair the tests start), ARTICLES published;
#   - instance A reads the primary (no replica configured); instance B reads the replica
#     (NEWSROOM_READ_REPLICA_URL) and purges Varnish (NEWSROOM_CDN_PURGE=varnish), Varnish in front of B;
#   - by-slug requests/s (random slugs, wrk -t2 -c16) through Varnish, to A and to B, taken in turn three
#     times, medians and ratios against A; the split of B's reads between replica and primary;
#   - the time from a save (merge patch through the admin API) to Varnish serving the new headline, p50
#     and p99 of SAMPLES saves, with B on the replica, then with B restarted on the primary alone.
# Usage: bench/scale.sh [ARTICLES]   (from the repository root; needs wrk, curl, varnish + varnish-modules)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
DURATION=${DURATION:-10s}
SAMPLES=${SAMPLES:-20}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
source bench/lib.sh
source bench/replica-pair.sh
KEY=bench-admin-key-0123456789abcdef
PORT_A=${BENCH_PORT_A:-8093}
PORT_B=${BENCH_PORT_B:-8094}
VARNISH_PORT=${BENCH_VARNISH_PORT:-6091}
JVM="${JAVA_OPTS:--Xms240m -Xmx240m -XX:+UseSerialGC}"
mkdir -p "$DATA"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_replica_pair
}
trap cleanup EXIT

# instance NAME PORT MANAGEMENT_PORT [NAME=VALUE ...]: the jar on the pair's primary; sets $LAST_PID
instance() {
  local name=$1 port=$2 management=$3
  shift 3
  env SERVER_PORT="$port" MANAGEMENT_SERVER_PORT="$management" SPRING_DATASOURCE_URL="$PRIMARY_URL" SPRING_DATASOURCE_USERNAME=postgres \
    NEWSROOM_ADMIN_KEY="$KEY" NEWSROOM_WARM_UP_DURATION="${WARM_UP:-10s}" MALLOC_ARENA_MAX=2 "$@" \
    java $JVM -jar "$JAR" > "$DATA/scale-$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  for _ in $(seq 1 300); do curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && return; sleep 1; done
  echo "instance $name did not become ready; see $DATA/scale-$name.log" >&2
  exit 1
}

start_replica_pair
echo "primary and replica: $PRIMARY_URL, $REPLICA_URL"
instance a "$PORT_A" $((PORT_A + 100))
A_PID=$LAST_PID
java -cp "target/classes:$(cat target/classpath.txt)" bench/GenerateArticles.java "$PRIMARY_URL" postgres "" "$N" 500 | tail -1
CDN=(NEWSROOM_CDN_PURGE=varnish NEWSROOM_CDN_VARNISH_URLS="http://127.0.0.1:$VARNISH_PORT/")
instance b "$PORT_B" $((PORT_B + 100)) NEWSROOM_READ_REPLICA_URL="$REPLICA_URL" "${CDN[@]}"
B_PID=$LAST_PID
bench/varnish.sh "$PORT_B" "$VARNISH_PORT" 2> "$DATA/scale-varnish.log" &
PIDS+=("$!")
for _ in $(seq 1 30); do curl -s -o /dev/null "http://127.0.0.1:$VARNISH_PORT/api/content/articles" && break; sleep 0.5; done

# the generated articles' slugs (GenerateArticles writes them), asked for at random
sed 's|^|/api/content/articles/|' "$DATA/slugs.txt" > "$DATA/paths-scale.txt"
rate() {
  PATHS_FILE="$DATA/paths-scale.txt" wrk -t2 -c16 -d"$DURATION" -s bench/paths.lua "$1" \
    | awk '/Non-2xx/ { print "wrk got answers other than 200: " $0 > "/dev/stderr"; bad = 1 } /Requests\/sec/ { r = $2 } END { if (bad) exit 1; printf "%.0f", r }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
VARNISH="http://127.0.0.1:$VARNISH_PORT"
for target in "$VARNISH" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B"; do rate "$target" >/dev/null; done # warm-up
# B's reads by target so far (newsroom_replica_reads_total{target="replica|primary"})
reads() { curl -s "localhost:$((PORT_B + 100))/actuator/prometheus" | awk -v t="target=\"$1\"" '/^newsroom_replica_reads_total/ && index($0, t) { n += $NF } END { printf "%.0f", n }'; }
REPLICA_READS0=$(reads replica); PRIMARY_READS0=$(reads primary)
: > "$DATA/rates-scale.txt"
for i in 1 2 3; do
  through=$(rate "$VARNISH")
  on_primary=$(rate "http://127.0.0.1:$PORT_A")
  on_replica=$(rate "http://127.0.0.1:$PORT_B")
  echo "$through $on_primary $on_replica" >> "$DATA/rates-scale.txt"
done
REPLICA_READS=$(( $(reads replica) - ${REPLICA_READS0:-0} ))
PRIMARY_READS=$(( $(reads primary) - ${PRIMARY_READS0:-0} ))
THROUGH=$(awk '{ print $1 }' "$DATA/rates-scale.txt" | median)
ON_PRIMARY=$(awk '{ print $2 }' "$DATA/rates-scale.txt" | median)
ON_REPLICA=$(awk '{ print $3 }' "$DATA/rates-scale.txt" | median)

FRESH_REPLICA=$(python3 bench/scale_freshness.py "http://127.0.0.1:$PORT_A" "$KEY" "$VARNISH" "$SAMPLES")
# B again, on the primary alone: the same Varnish, purged without waiting for any replica
kill "$B_PID"; wait "$B_PID" 2>/dev/null || true
instance b-primary "$PORT_B" $((PORT_B + 100)) "${CDN[@]}"
# Varnish's probe takes the restarted instance back after two good answers: until then a miss is a 503
FIRST=$(head -1 "$DATA/paths-scale.txt")
for _ in $(seq 1 60); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$VARNISH$FIRST?probe=$RANDOM")" = 200 ] && break; sleep 0.5; done
FRESH_PRIMARY=$(python3 bench/scale_freshness.py "http://127.0.0.1:$PORT_A" "$KEY" "$VARNISH" "$SAMPLES")

echo "Past one database, $N articles, wrk -t2 -c16 -d$DURATION, three rounds each (taken in turn), this machine ($(nproc) cores)"
echo "rounds (Varnish, instance on the primary, instance on the replica): $(tr '\n' ';' < "$DATA/rates-scale.txt")"
python3 - "$THROUGH" "$ON_PRIMARY" "$ON_REPLICA" "$REPLICA_READS" "$PRIMARY_READS" "$FRESH_REPLICA" "$FRESH_PRIMARY" <<'PY'
import sys
through, primary, replica = map(float, sys.argv[1:4])
replica_reads, primary_reads = int(sys.argv[4]), int(sys.argv[5])
fresh_replica, fresh_primary = sys.argv[6].split(), sys.argv[7].split()
print(f"by slug through Varnish        {through:8.0f} req/s   against the instance on the primary {through / primary:5.2f}")
print(f"by slug, instance on primary   {primary:8.0f} req/s")
print(f"by slug, instance on replica   {replica:8.0f} req/s   against the instance on the primary {replica / primary:5.2f}")
total = replica_reads + primary_reads
share = 100 * replica_reads / total if total else 0
print(f"instance B's reads during the load: {replica_reads} on the replica, {primary_reads} on the primary ({share:.1f}% on the replica)")
for label, fresh in (("with the replica", fresh_replica), ("primary only:    ", fresh_primary)):
    print(f"save to fresh in Varnish, {label} p50 {fresh[0]} ms, p99 {fresh[1]} ms"
          f" ({fresh[2]} saves, {fresh[3]} never fresh, {fresh[4]} answers other than 200 while waiting)")
PY
