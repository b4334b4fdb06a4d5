#!/usr/bin/env bash
# Bulk import benchmark: N ninjs documents (default 100000) streamed to POST /api/admin/ingest/bulk
# of the running jar, on a fresh embedded PostgreSQL. Prints the import report and articles/s.
# Usage: bench/import.sh [N]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
TAGS=${TAGS:-20000}
KEY=bench-admin-key-0123456789abcdef
source bench/lib.sh
FILE="$DATA/ninjs-$N.ndjson"
[ -f "$FILE" ] || python3 bench/generate_ninjs.py "$N" "$TAGS" > "$FILE"

DB_DIR="$DATA/pg-import"
rm -rf "$DB_DIR"
# PostgreSQL as a server taking this load would be set up: 1 GB of shared buffers, and room for 4 GB
# of WAL between checkpoints (the import writes about 40 KB of WAL per article).
start_service "$DB_DIR" "$DATA/import-service.log" "-Xms256m -Xmx384m -XX:+UseSerialGC" NEWSROOM_ADMIN_KEY=$KEY \
  NEWSROOM_EMBEDDED_DATABASE_SHARED_BUFFERS="${SHARED_BUFFERS:-1GB}" NEWSROOM_EMBEDDED_DATABASE_MAX_WAL_SIZE="${MAX_WAL_SIZE:-4GB}"
trap 'stop_service; rm -rf "$DB_DIR"' EXIT

echo "Bulk import of $N ninjs documents ($(du -h "$FILE" | cut -f1)) on this machine ($(nproc) cores)"
START=$(date +%s.%N)
curl -sS --fail-with-body -H "Authorization: Bearer $KEY" -H "Content-Type: application/x-ndjson" \
  -H "Transfer-Encoding: chunked" -T "$FILE" -X POST "http://127.0.0.1:$PORT/api/admin/ingest/bulk" > "$DATA/import-report.json"
END=$(date +%s.%N)
python3 - "$DATA/import-report.json" "$START" "$END" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
seconds = float(sys.argv[3]) - float(sys.argv[2])
done = report["created"] + report["updated"] + report["unchanged"]
print({k: v for k, v in report.items() if k != "errors"}, "first errors:", report["errors"][:3])
print(f"{done} articles in {seconds:.1f} s: {done / seconds:.0f} articles/s")
PY
echo "resident memory: $(( $(ps -o rss= -p $SERVICE) / 1024 )) MB"
