# A PostgreSQL primary and a streaming replica of it, for benchmarks that read from a replica: the same
# pair the tests start (src/test/java/io/newsroom/support/StreamingReplica.java), from the embedded
# binaries, each on a free port of 127.0.0.1, deleted when it stops.
#
# Sourced (from the repository root): start_replica_pair sets PRIMARY_URL and REPLICA_URL (JDBC URLs,
# user postgres, no password); stop_replica_pair stops both. Run directly: prints the two URLs and keeps
# the pair until Ctrl-C.
#   . bench/replica-pair.sh && start_replica_pair
#   start_service "$DATA/unused" "$DATA/replica.log" "" SPRING_DATASOURCE_URL="$PRIMARY_URL" \
#     SPRING_DATASOURCE_USERNAME=postgres NEWSROOM_READ_REPLICA_URL="$REPLICA_URL"

[ -d target/test-classes/io/newsroom/support ] || ./mvnw -B -q test-compile
[ -f target/test-classpath.txt ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

start_replica_pair() {
  local out=${BENCH_REPLICA_LOG:-bench/data/replica-pair.log}
  mkdir -p "$(dirname "$out")"
  coproc REPLICA_PAIR { java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" io.newsroom.support.StreamingReplica 2>"$out.err"; }
  local line
  while read -r line <&"${REPLICA_PAIR[0]}"; do
    echo "$line" >> "$out"
    case $line in
      PRIMARY_URL=*) PRIMARY_URL=${line#PRIMARY_URL=} ;;
      REPLICA_URL=*) REPLICA_URL=${line#REPLICA_URL=}; break ;;
    esac
  done
  [ -n "${REPLICA_URL:-}" ] || { echo "the replica pair did not start; see $out.err" >&2; return 1; }
  export PRIMARY_URL REPLICA_URL
}

# Closing the pair's standard input stops both servers and deletes their files.
stop_replica_pair() {
  local pid=${REPLICA_PAIR_PID:-}
  [ -n "${REPLICA_PAIR[1]:-}" ] && exec {REPLICA_PAIR[1]}>&-
  [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -e
  start_replica_pair
  echo "PRIMARY_URL=$PRIMARY_URL"
  echo "REPLICA_URL=$REPLICA_URL"
  trap stop_replica_pair EXIT INT TERM
  echo "Ctrl-C stops both"
  while true; do sleep 3600; done
fi
