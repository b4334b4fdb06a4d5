#!/usr/bin/env bash
# An admin GET signed in with the identity provider's access token (a JWT) against the same GET with
# an API key, in one run: the JWT path must be within 10% of the key path (issue 32). Both call
# GET /api/admin/articles?limit=20 (20 articles) and GET /api/admin/me (where authentication is most
# of the work), as the same EDITOR: the key is owned by the person of the token.
# Each: 10 s of wrk -t2 -c16 to warm up, then five 10 s runs alternating key and token; medians.
# Usage: bench/admin-auth.sh   (from the repository root; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
source bench/lib.sh
ISSUER_PORT=${BENCH_ISSUER_PORT:-8091}
DURATION=${DURATION:-10s}
RUNS=${RUNS:-5}
DB_DIR="$DATA/pg-admin-auth"
rm -rf "$DB_DIR"

java -cp "target/classes:$(cat target/classpath.txt)" bench/BenchIssuer.java "$ISSUER_PORT" "$DATA/bench-token.txt" > "$DATA/issuer.log" 2>&1 &
ISSUER=$!
for _ in $(seq 1 60); do [ -s "$DATA/bench-token.txt" ] && grep -q ready "$DATA/issuer.log" && break; sleep 1; done
TOKEN=$(cat "$DATA/bench-token.txt")
ADMIN=bench-admin-key-0123456789abcdef
start_service "$DB_DIR" "$DATA/admin-auth-service.log" "-Xms240m -Xmx240m -XX:+UseSerialGC" \
  NEWSROOM_ADMIN_KEY=$ADMIN NEWSROOM_WARM_UP_DURATION=0s NEWSROOM_CACHE_RESPONSE_CACHE_SIZE=32MB \
  NEWSROOM_OIDC_ISSUER_URI="http://127.0.0.1:$ISSUER_PORT/realms/bench" NEWSROOM_OIDC_AUDIENCE=newsroom-api
trap 'stop_service; kill $ISSUER 2>/dev/null || true' EXIT

BASE="http://127.0.0.1:$PORT"
# the token's person makes the key: the same person and role on both paths
KEY=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench key","role":"EDITOR"}' "$BASE/api/admin/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
for i in $(seq 1 20); do
  curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"headline\":\"خبر القياس رقم $i\",\"bodyHtml\":\"<p>نص الخبر رقم $i</p>\",\"tags\":[\"قياس\"]}" "$BASE/api/admin/articles"
done

rate() { # credential path -> requests/s (non-2xx answers stop the run)
  local out
  out=$(wrk -t2 -c16 -d"$DURATION" -H "Authorization: Bearer $1" "$BASE$2")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers on $2:" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}
median() { echo "$@" | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "Admin GET with an API key and with a JWT access token ($(nproc) cores, wrk -t2 -c16, $RUNS runs of $DURATION each, alternating)"
for path in "/api/admin/articles?limit=20" "/api/admin/me"; do
  rate "$KEY" "$path" >/dev/null
  rate "$TOKEN" "$path" >/dev/null
  keys=""; tokens=""
  for _ in $(seq 1 "$RUNS"); do
    keys="$keys $(rate "$KEY" "$path")"
    tokens="$tokens $(rate "$TOKEN" "$path")"
  done
  k=$(median $keys); t=$(median $tokens)
  echo "$path  API key:$keys (median $k)  JWT:$tokens (median $t)  JWT/key $(python3 -c "print(f'{$t/$k:.3f}')")"
done
