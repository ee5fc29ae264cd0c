# syntax=docker/dockerfile:1
# clean-users on Payara Micro:   docker build -t clean-users .   (or: docker compose up --build)
# Configuration comes from environment variables only (POSTGRES_HOST, POSTGRES_PASSWORD,
# SECURITY_AUTH_JWT_SECRET, ...: every key of config.toml, upper-cased with "_"); the WAR carries
# the defaults of config.toml, and no config.toml is copied into the image.

# --- Build stage: the WAR, with the Maven wrapper ---------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# Wrapper and POM first, so the dependency layer is rebuilt only when they change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

# HEALTHCHECK probe. The runtime image is not guaranteed to ship curl or wget, but it always has
# java: a compiled class starts in well under a second and needs nothing else.
COPY <<'JAVA' /probe/HealthProbe.java
import java.net.HttpURLConnection;
import java.net.URI;

/** Exits 0 when the URL answers 200 within 5 seconds, 1 otherwise. */
public class HealthProbe {
  public static void main(String[] args) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
      connection.setConnectTimeout(5000);
      connection.setReadTimeout(5000);
      System.exit(connection.getResponseCode() == 200 ? 0 : 1);
    } catch (Exception e) {
      System.exit(1);
    }
  }
}
JAVA
RUN javac --release 17 -d /probe /probe/HealthProbe.java

# --- Runtime stage: the official Payara Micro image ---------------------------------------------
FROM payara/micro:6.2025.10-jdk17
# The image's own unprivileged user (uid 1000); said explicitly so nothing below runs as root.
USER payara
COPY --from=build --chown=payara:payara /build/target/clean-users.war /opt/payara/deployments/clean-users.war
COPY --chown=payara:payara src/main/servers/payara-micro/pre-boot-commands.asadmin /opt/payara/config/pre-boot-commands.asadmin
COPY --from=build --chown=payara:payara /probe/HealthProbe.class /opt/payara/probe/
EXPOSE 8080
# /health/ready is UP only when the database answers. Payara Micro needs up to a minute to deploy.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
  CMD ["java", "-XX:+UseSerialGC", "-Xmx32m", "-cp", "/opt/payara/probe", "HealthProbe", "http://127.0.0.1:8080/health/ready"]
# The image's entrypoint runs `java <its memory settings> -jar payara-micro.jar` with these
# arguments (exec: Payara gets SIGTERM directly; --shutdowngrace lets requests in flight finish
# for up to 10 s before it stops, within compose's stop_grace_period).
CMD ["--nocluster", "--disablephonehome", "--shutdowngrace", "10000", \
     "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", \
     "--deploy", "/opt/payara/deployments/clean-users.war", \
     "--port", "8080"]
