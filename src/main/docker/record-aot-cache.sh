#!/bin/bash
# Records the JDK's AOT cache (JEP 483/514) for the JVM that will run it: Dockerfile.jvm runs this in
# the runtime image itself, because a cache only works on the exact JDK build that recorded it.
#
# There are no servers during an image build, so the application starts against addresses where
# nothing listens: it starts all the same (readiness stays DOWN, requests get a fast 503), which loads
# and links what every start needs. A few requests add the HTTP path. The JVM writes the cache when it
# exits on SIGTERM. The placeholder settings below live only in this process; none reach the image.
#
# Usage: record-aot-cache.sh [application directory, default /deployments]
# Locally, after ./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar:
#   src/main/docker/record-aot-cache.sh target/quarkus-app && java -XX:AOTCache=target/quarkus-app/app.aot -jar ...
set -euo pipefail

# Absolute: the cache keeps the class path it was recorded with, and Quarkus's aot-jar finds its
# application data from it. Recorded as target/quarkus-app, the cache made a JVM started in another
# directory read that directory's target/quarkus-app instead (or fail on another jar type's data).
app_dir=$(cd "${1:-/deployments}" && pwd)
cache="$app_dir/app.aot"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

nowhere=127.0.0.1:1
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$nowhere/training"
export QUARKUS_DATASOURCE_USERNAME=training QUARKUS_DATASOURCE_PASSWORD=training
export QUARKUS_REDIS_HOSTS="redis://$nowhere"
export QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=1 QUARKUS_MAILER_FROM=training@localhost
export MP_JWT_VERIFY_PUBLICKEY=unused-in-training SMALLRYE_JWT_SIGN_KEY=unused-in-training
export QUARKUS_FLYWAY_MIGRATE_AT_START=false

# A cache holds compressed object pointers or not, as the recording JVM had them, and a JVM whose
# setting differs refuses it. An image build has no memory limit, so on a host with much memory the
# heap sized from it would pass 32 GB and turn them off; pods always have them. Hence a fixed heap here.
training_options="-Xmx512m -XX:AOTCacheOutput=$cache"

# The base image's launcher, so training runs with the same other JVM options (the GC) as the pod.
launcher=/opt/jboss/container/java/run/run-java.sh
if [ -x "$launcher" ]; then
    JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} $training_options" "$launcher" >"$log" 2>&1 &
else
    # shellcheck disable=SC2086 # the options are words
    java $training_options -jar "$app_dir/quarkus-run.jar" >"$log" 2>&1 &
fi
app=$!

started() { [[ $(<"$log") == *"started in"* ]]; } # bash and coreutils only: the runtime image is minimal
for ((tenth = 0; tenth < 600; tenth++)); do
    started && break
    kill -0 "$app" 2>/dev/null || { cat "$log"; echo "record-aot-cache: the application exited during start-up" >&2; exit 1; }
    sleep 0.1
done
started || { cat "$log"; echo "record-aot-cache: no start within 60 s" >&2; exit 1; }

request() { # port, path: one HTTP/1.1 GET through bash's /dev/tcp (no curl needed); a refusal is no failure
    (
        exec 3<>"/dev/tcp/127.0.0.1/$1"
        printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$2" >&3
        while IFS= read -r -t 10 _ <&3; do :; done
    ) 2>/dev/null || true
}
for round in 1 2 3; do
    for path in /api/tags /api/articles /api/articles/feed /api/user /api/profiles/someone /api/articles/some-slug/comments; do
        request 8080 "$path"
    done
    request 9000 /q/health/live
    request 9000 /q/health/ready
done

kill -TERM "$app"
wait "$app" || true # the exit status of a SIGTERM stop is 143
if [ ! -s "$cache" ]; then
    cat "$log"
    echo "record-aot-cache: the JVM wrote no $cache (is it JDK 25 or newer?)" >&2
    exit 1
fi
echo "record-aot-cache: wrote $cache ($(($(wc -c <"$cache") / 1048576)) MiB)"
