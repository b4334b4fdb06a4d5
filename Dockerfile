# Production image: the service without the embedded PostgreSQL binaries; it needs SPRING_DATASOURCE_URL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B dependency:go-offline
COPY src src
COPY db db
# .git stays out of the build context (.dockerignore); the commit comes in as a build argument
# (docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD)) and becomes the git.properties that
# /actuator/info reads, as the git-commit-id plugin would have written it.
ARG GIT_COMMIT=
RUN if [ -n "$GIT_COMMIT" ]; then \
        printf 'git.commit.id.full=%s\ngit.commit.id.abbrev=%s\n' "$GIT_COMMIT" "$(echo "$GIT_COMMIT" | cut -c1-7)" \
            > src/main/resources/git.properties; \
    fi
RUN ./mvnw -B package -DskipTests -Dspring-boot.excludeGroupIds=io.zonky.test,io.zonky.test.postgres \
    && cp target/newsroom-*.jar /newsroom.jar

# The jar split into layers (dependencies change rarely, the application often: a new release ships
# only the last layer) with Spring Boot's extract, and a CDS archive made by a training run that
# starts the application context and exits (Boot's supported way), so classes load from the archive.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /newsroom.jar newsroom.jar
RUN java -Djarmode=tools -jar newsroom.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# webp: cwebp writes the WebP renditions of photos
RUN apt-get update && apt-get install -y --no-install-recommends curl webp && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home newsroom \
    && mkdir -p /var/lib/newsroom/media && chown newsroom /var/lib/newsroom/media
ENV NEWSROOM_MEDIA_DIRECTORY=/var/lib/newsroom/media
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# The training run needs no database: no migrations, no schema validation, a pool that connects lazily.
RUN java -XX:ArchiveClassesAtExit=newsroom.jsa -Dspring.context.exit=onRefresh \
        -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/none -Dspring.flyway.enabled=false \
        -Dspring.jpa.hibernate.ddl-auto=none -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
        -Dspring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect \
        -Dspring.datasource.hikari.initialization-fail-timeout=-1 -jar newsroom.jar
USER newsroom
# 8080: the service; 8081: the management port (metrics, info), for Prometheus inside the network only
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:TrimNativeHeapInterval=5000", "-XX:SharedArchiveFile=/app/newsroom.jsa", \
    "-jar", "/app/newsroom.jar"]
