# syntax=docker/dockerfile:1

# --- build: the Maven wrapper on a full JDK --------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
COPY rules/ rules/
RUN ./mvnw -B -ntp -q package -DskipTests

# --- run: a JDK 25 JRE, a non-root user, the rules as a mountable volume ------------------------------
# JDK 25 for its AOT cache (JEP 483/514/515): the training run below records the classes a start loads and links,
# and the production start reads them back instead of loading them from the jars (README, "Performance").
FROM eclipse-temurin:25-jre
RUN groupadd --system advisor && useradd --system --gid advisor --uid 10001 --home-dir /app advisor
WORKDIR /app
COPY --chown=advisor:advisor rules/ /app/rules/
ENV ADVISOR_RULES_DIR=/app/rules \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
COPY --from=build /src/target/orm-advisor.jar /tmp/orm-advisor.jar
COPY deploy/extract-and-train.sh /tmp/
RUN /tmp/extract-and-train.sh /tmp/orm-advisor.jar /app && rm /tmp/orm-advisor.jar /tmp/extract-and-train.sh \
    && mkdir -p /app/data && chown advisor:advisor /app/data
# Mount your own rules here to change the knowledge base without rebuilding the image.
VOLUME ["/app/rules", "/app/data"]
USER advisor
EXPOSE 8080
# bash's /dev/tcp keeps the JRE image free of curl/wget.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
# The production start command: the README's "Run it in production" gives the same one (DeploymentFilesTest).
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "orm-advisor.jar"]
