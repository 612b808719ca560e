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

# --- run: a JRE, a non-root user, the rules as a mountable volume ---------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system advisor && useradd --system --gid advisor --uid 10001 --home-dir /app advisor \
    && mkdir -p /app/data && chown advisor:advisor /app/data
WORKDIR /app
COPY --from=build /src/target/orm-advisor.jar /app/orm-advisor.jar
COPY --chown=advisor:advisor rules/ /app/rules/
ENV ADVISOR_RULES_DIR=/app/rules \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# Mount your own rules here to change the knowledge base without rebuilding the image.
VOLUME ["/app/rules", "/app/data"]
USER advisor
EXPOSE 8080
# bash's /dev/tcp keeps the JRE image free of curl/wget.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-jar", "/app/orm-advisor.jar"]
