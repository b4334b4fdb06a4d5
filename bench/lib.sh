# Shared by the benchmark scripts (sourced from the repository root): the jar and its classpath, and
# the service started on its own embedded database, stopped when the script exits.
PORT=${BENCH_PORT:-8089}
PG_PORT=${BENCH_PG_PORT:-5499}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-8090}
DATA=bench/data
mkdir -p "$DATA"

ls target/newsroom-*.jar >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests
[ -f target/classpath.txt ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
JAR=$(ls target/newsroom-*.jar | head -1)

# BENCH_LAUNCH=image runs the service as the container image does (Dockerfile): the jar extracted by
# Spring Boot's jarmode tools and its classes mapped from a class data sharing archive made by a training
# start. Fewer bytes of class metadata per process than `java -jar` on the fat jar; made once per build.
LAUNCH=("-jar" "$JAR")
if [ "${BENCH_LAUNCH:-jar}" = image ]; then
  APP="$DATA/app"
  if [ ! -f "$APP/newsroom.jsa" ] || [ "$JAR" -nt "$APP/newsroom.jsa" ]; then
    rm -rf "$APP"
    java -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
    # the Dockerfile's training start: the context refreshed without a database, then the archive written
    # (the archive records the class path as given: the same absolute path at training and at start)
    (cd "$APP" && java -XX:ArchiveClassesAtExit=newsroom.jsa -Dspring.context.exit=onRefresh \
      -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/none -Dspring.flyway.enabled=false \
      -Dspring.jpa.hibernate.ddl-auto=none -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
      -Dspring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect \
      -Dspring.datasource.hikari.initialization-fail-timeout=-1 -jar "$PWD/$(basename "$JAR")" > training.log 2>&1)
  fi
  LAUNCH=("-XX:SharedArchiveFile=$PWD/$APP/newsroom.jsa" "-jar" "$PWD/$APP/$(basename "$JAR")")
fi

# start_service DB_DIR LOG JVM_OPTIONS [NAME=VALUE ...]: the jar on port $PORT, its database in DB_DIR
# on $PG_PORT, with the extra environment given; returns once the service is ready.
start_service() {
  local db_dir=$1 log=$2 jvm=$3
  shift 3
  # shellcheck disable=SC2086 # the JVM options are words
  env SERVER_PORT="$PORT" MANAGEMENT_SERVER_PORT="$MANAGEMENT_PORT" NEWSROOM_EMBEDDED_DATABASE_PORT="$PG_PORT" NEWSROOM_EMBEDDED_DATABASE_DATA_DIRECTORY="$db_dir" "$@" \
    java $jvm "${LAUNCH[@]}" > "$log" 2>&1 &
  SERVICE=$!
  trap stop_service EXIT
  # readiness includes the warm-up (NEWSROOM_WARM_UP_DURATION, 60 s by default)
  for _ in $(seq 1 300); do
    curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && return
    # a service that failed to start (a missing tool such as cwebp, a port taken) is said at once
    kill -0 "$SERVICE" 2>/dev/null || break
    sleep 1
  done
  echo "the service did not become ready; see $log" >&2
  exit 1
}

stop_service() {
  kill "$SERVICE" 2>/dev/null || true
  wait "$SERVICE" 2>/dev/null || true
}

# generate N TAGS [NAME=VALUE ...]: N published articles into the running service's database (bench/GenerateArticles.java).
generate() {
  local n=$1 tags=$2
  shift 2
  env "$@" java -cp "target/classes:$(cat target/classpath.txt)" bench/GenerateArticles.java \
    "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" postgres "" "$n" "$tags" | tail -1
}

# start_nginx ROOT PORT [DIRECTIVES]: nginx serving the files under ROOT on 127.0.0.1:PORT, two workers,
# no log, with the http-level DIRECTIVES given (default: sendfile with tcp_nopush, nginx's fast path);
# stopped by stop_nginx. Its workers run as this user, who wrote the files (nginx's default, nobody, may
# not read them).
start_nginx() {
  local root=$1 port=$2 directives=${3:-sendfile on; tcp_nopush on;}
  NGINX_DIR=$(mktemp -d)
  cat > "$NGINX_DIR/nginx.conf" <<NGINX
user $(id -un);
worker_processes 2;
daemon off;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 256; }
http {
  access_log off;
  $directives
  types { image/jpeg jpg; image/webp webp; }
  server { listen 127.0.0.1:$port; root $(realpath "$root"); etag on; }
}
NGINX
  nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" &
  NGINX=$!
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.1; done
  echo "nginx did not start; see $NGINX_DIR/error.log" >&2
  exit 1
}

stop_nginx() {
  kill "$NGINX" 2>/dev/null || true
  wait "$NGINX" 2>/dev/null || true
  rm -rf "$NGINX_DIR"
}

# start_media_service N MEDIA_DIR LOG JVM_OPTIONS WARM_UP: the service for the photo benchmarks, on the
# database of N published articles they share (made on first use, its slugs in slugs-media-N.txt), its
# photos on local disk in MEDIA_DIR (emptied first), the test photos made in $DATA/photos; sets PHOTOS,
# KEY (an admin API key) and BASE.
start_media_service() {
  local n=$1 media_dir=$2 log=$3 jvm=$4 warm_up=$5
  command -v "${NEWSROOM_MEDIA_CWEBP:-cwebp}" >/dev/null || { echo "cwebp makes the WebP renditions: apt-get install webp" >&2; exit 1; }
  local db_dir="$DATA/pg-media-$n" fresh=false
  PHOTOS="$DATA/photos"
  KEY=bench-admin-key-0123456789abcdef
  rm -rf "$media_dir"
  # a database whose slugs were never written (its first start failed) is made again
  if [ ! -d "$db_dir" ] || [ ! -f "$DATA/slugs-media-$n.txt" ]; then
    rm -rf "$db_dir"
    fresh=true
  fi
  "${PYTHON:-/usr/bin/python3}" bench/media_photos.py make "$PHOTOS"
  start_service "$db_dir" "$log" "$jvm" MALLOC_ARENA_MAX=2 NEWSROOM_CACHE_RESPONSE_CACHE_SIZE=32MB NEWSROOM_ADMIN_KEY="$KEY" \
    NEWSROOM_MEDIA_DIRECTORY="$media_dir" NEWSROOM_WARM_UP_DURATION="$warm_up"
  if $fresh; then
    generate "$n" 500
    cp "$DATA/slugs.txt" "$DATA/slugs-media-$n.txt"
  fi
  BASE="http://127.0.0.1:$PORT"
}

# upload_photo_copies TAG OUT: three library items (the 24 MP JPEG with different trailing bytes), uploaded
# through the admin API of the service start_media_service started; the paths of their renditions of the
# original crop (every width, both formats) written to OUT, one a line.
upload_photo_copies() {
  local tag=$1 out=$2 run copy
  run=$(date +%s%N)
  : > "$out"
  for i in 1 2 3; do
    copy="$DATA/upload-$tag-$i.jpg"
    { cat "$PHOTOS/24mp.jpg"; printf '%s-%s-%s' "$tag" "$run" "$i"; } > "$copy"
    curl -sf -H "Authorization: Bearer $KEY" -F "file=@$copy;type=image/jpeg" "$BASE/api/admin/media" | python3 -c '
import json, sys
for r in json.load(sys.stdin)["renditions"]:
    if r["crop"] == "original":
        print(r["url"][r["url"].index("/media/"):])' >> "$out"
    rm -f "$copy"
  done
}
