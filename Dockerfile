# Production image: the service without the embedded PostgreSQL binaries; it needs SPRING_DATASOURCE_URL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B dependency:go-offline
COPY src src
COPY db db
RUN ./mvnw -B package -DskipTests -Dspring-boot.excludeGroupIds=io.zonky.test,io.zonky.test.postgres \
    && cp target/newsroom-*.jar /newsroom.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home newsroom
COPY --from=build /newsroom.jar /app/newsroom.jar
USER newsroom
# 8080: the service; 8081: the management port (metrics, info), for Prometheus inside the network only
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:TrimNativeHeapInterval=5000", "-jar", "/app/newsroom.jar"]
