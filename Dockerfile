# syntax=docker/dockerfile:1
#
# Atalaya service image. Build from the repository root:
#   docker build -t atalaya .
# Run against an external PostgreSQL/TimescaleDB (see docker-compose.yml), or without
# DATASOURCES_DEFAULT_URL to use the embedded PostgreSQL kept under /app/data (mount a volume there).

# ---- build ---------------------------------------------------------------------------------------
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit); the jar itself is copied out below.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests package \
 && cp service/target/atalaya-service-*.jar /tmp/atalaya.jar

# ---- runtime -------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 atalaya \
 && useradd --system --uid 10001 --gid atalaya --home-dir /app --shell /usr/sbin/nologin atalaya \
 && mkdir -p /app/data \
 && chown atalaya:atalaya /app/data

WORKDIR /app
COPY --from=build /tmp/atalaya.jar /app/atalaya.jar

ENV JAVA_OPTS="-Djava.awt.headless=true -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    ATALAYA_PORT=8080

USER 10001:10001
EXPOSE 8080

# curl ships with the eclipse-temurin Ubuntu images.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${ATALAYA_PORT}/health" > /dev/null || exit 1

# Arguments after the image name (e.g. --demo) are passed to the application.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/atalaya.jar \"$@\"", "atalaya"]
