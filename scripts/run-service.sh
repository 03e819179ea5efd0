#!/usr/bin/env bash
# Runs one built service in the foreground with the stack's JVM options: scripts/stack.sh starts
# every service through it, and the benchmarks start theirs the same way.
#
#   scripts/run-service.sh <module>                  e.g. scripts/run-service.sh auth-service
#   scripts/run-service.sh --train <module> <port>   makes the module's class archive (below)
#
# Options (TESTTRACK_JAVA_OPTS overrides them): a 256 MB heap that starts at 64 MB and grows on
# demand (an idle service keeps ~50 MB less resident than with the whole heap touched), the
# serial collector (two cores), a 64 MB code cache and 512 KB thread stacks.
#
# Class archive (AppCDS): --train starts the service once on <port> + 10000, against the running
# infrastructure, until it is ready (live, for the gateway), and stops it; at exit the JVM writes
# every class that start loaded, parsed and verified, into quarkus-app/app-cds.jsa. A normal run
# maps that archive when it is not older than the jar, and skips that work. (Quarkus' own AppCDS
# build step only records the classes of static initialisation, not those of the runtime start:
# Flyway, Hibernate Reactive's persistence unit, the Kafka clients.) The archive only matches the
# jars of the folder it was made in, hence the cd.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
train=false
if [ "${1:-}" = --train ]; then
  train=true
  shift
fi
module=${1:?usage: scripts/run-service.sh [--train] <module> [port]}
APP=$ROOT/$module/target/quarkus-app
[ -f "$APP/quarkus-run.jar" ] || { echo "run-service: $APP/quarkus-run.jar is not built" >&2; exit 1; }
read -r -a opts <<<"${TESTTRACK_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}"
cd "$APP"

if $train; then
  port=$(( ${2:?usage: scripts/run-service.sh --train <module> <port>} + 10000 ))
  check=ready
  [ "$module" = gateway ] && check=live
  rm -f app-cds.jsa
  QUARKUS_HTTP_PORT=$port java "${opts[@]}" -XX:ArchiveClassesAtExit=app-cds.jsa -jar quarkus-run.jar \
    >"$ROOT/$module/target/cds-training.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/q/health/$check" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  [ -f app-cds.jsa ] || { echo "run-service: $module made no class archive (see $module/target/cds-training.log)" >&2; exit 1; }
  exit 0
fi

if [ -f app-cds.jsa ] && [ ! app-cds.jsa -ot quarkus-run.jar ]; then
  opts+=(-XX:SharedArchiveFile=app-cds.jsa -Xlog:cds=off -Xlog:class+path=off)
fi
exec java "${opts[@]}" -jar quarkus-run.jar
