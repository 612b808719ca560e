#!/usr/bin/env bash
# Lays the packaged jar out the way production runs it (README, "Run it in production"; the Dockerfile runs this
# script): extracted with Spring Boot's tools jar mode, and with the JDK 25 AOT cache app.aot of a training run.
# The cache holds the classes a start loads and links, and their profiles, and is valid only for the java that
# made it and the same jars: run this with the java that will run the service, again after every build.
#
#   deploy/extract-and-train.sh JAR DIR     e.g. target/orm-advisor.jar app
#
# DIR must not hold a data/ folder: the training run's database and generated signing key are removed after it.
set -euo pipefail
jar="$1"
dir="$2"
if [ -e "$dir/data" ]; then
    echo "$dir/data exists: train in a folder without data, the training run's data is thrown away" >&2
    exit 2
fi
java -Djarmode=tools -jar "$jar" extract --force --destination "$dir"
cd "$dir"
# The extracted jar keeps the packaged jar's name: orm-advisor.jar for the image's start command.
# The training run starts the service until its context is refreshed (rules compiled and checked against their
# scenarios, database migrated, web server created) and exits, writing the cache. Same command as production
# otherwise, so the cache matches the production class path.
ADVISOR_RULES_DIR="${ADVISOR_RULES_DIR:-rules}" SERVER_PORT=0 \
    java -XX:AOTCacheOutput=app.aot -Xlog:aot=error -Dspring.context.exit=onRefresh -jar "$(basename "$jar")"
rm -rf data
