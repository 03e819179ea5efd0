#!/usr/bin/env bash
# Runs one built service in the foreground with the stack's JVM options: scripts/stack.sh starts
# every service through it, and the benchmarks start theirs the same way.
#
#   scripts/run-service.sh <module>                  e.g. scripts/run-service.sh auth-service
#   scripts/run-service.sh --train <module> <port>   makes the module's class archive (below)
#   scripts/run-service.sh --archive-fresh <module>  exits 0 when that archive is up to date
#
# Options (TESTTRACK_JAVA_OPTS overrides them): a 256 MB heap that starts at 64 MB and grows on
# demand (an idle service keeps ~50 MB less resident than with the whole heap touched), the
# serial collector (two cores), a 64 MB code cache and 512 KB thread stacks. The optimising
# compiler (C2) waits for ten times the usual number of calls and loops before it compiles a
# method: at start it had compiled ~650 methods that start-up code runs a few thousand times,
# with 1.4 s of CPU on one of the two cores the start needs; a request path still reaches it
# within seconds under load. (Measured in docs/benchmarks.md, "Start-up".)
#
# Class archive (AppCDS): --train starts the service once on <port> + 10000, against the running
# infrastructure, until it is ready (live, for the gateway), and stops it; at exit the JVM writes
# every class that start loaded, parsed and verified, into quarkus-app/app-cds.jsa. A normal run
# maps that archive when it is not older than the jar nor the agent below, and skips that work. (Quarkus' own AppCDS
# build step only records the classes of static initialisation, not those of the runtime start:
# Flyway, Hibernate Reactive's persistence unit, the Kafka clients.) The archive only matches the
# jars of the folder it was made in, hence the cd. Once the training start is ready, scripts/cds's
# agent is loaded into it (jcmd) and links every loaded class, since JDK 17 leaves unlinked ones
# out of the archive.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AGENT_SRC=$ROOT/scripts/cds/LinkLoadedClasses.java
mode=run
case "${1:-}" in
  --train) mode=train; shift ;;
  --archive-fresh) mode=check; shift ;;
esac
module=${1:?usage: scripts/run-service.sh [--train|--archive-fresh] <module> [port]}
APP=$ROOT/$module/target/quarkus-app
archive_fresh() {
  [ -f "$APP/quarkus-run.jar" ] && [ -f "$APP/app-cds.jsa" ] \
    && [ ! "$APP/app-cds.jsa" -ot "$APP/quarkus-run.jar" ] && [ ! "$APP/app-cds.jsa" -ot "$AGENT_SRC" ]
}
if [ "$mode" = check ]; then
  archive_fresh
  exit
fi
[ -f "$APP/quarkus-run.jar" ] || { echo "run-service: $APP/quarkus-run.jar is not built" >&2; exit 1; }
# A role password chosen for the stack (TESTTRACK_DB_PASSWORD_<SCHEMA>, scripts/stack.sh) reaches the
# service too; without one the platform's default, the role's name, matches the stack's.
schema=$(sed -n 's/^testtrack\.schema=//p' "$ROOT/$module/src/main/resources/application.properties" 2>/dev/null || true)
password_var=TESTTRACK_DB_PASSWORD_${schema^^}
if [ -n "$schema" ] && [ -n "${!password_var:-}" ] && [ -z "${QUARKUS_DATASOURCE_PASSWORD:-}" ]; then
  export QUARKUS_DATASOURCE_PASSWORD=${!password_var}
fi
read -r -a opts <<<"${TESTTRACK_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k \
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 \
  -XX:Tier4BackEdgeThreshold=400000}"
# notification-service keeps every open socket's state in its heap (10,000 sockets: ~170 MB live).
# The serial collector's default young generation (a third of the heap) leaves the old one too
# small for that, and each young collection then turns into a full one of 0.5-1.7 s that holds
# up every socket (docs/benchmarks.md, "Live updates"); a 48 MB young generation leaves it 208 MB.
if [ -z "${TESTTRACK_JAVA_OPTS:-}" ] && [ "$module" = notification-service ]; then
  opts+=(-Xmn48m)
fi

# the training agent, compiled when missing or older than its source; the jar is moved into place
# only once whole, so a failed compile is tried again next time
agent_jar() {
  local out=$ROOT/target/cds-agent work
  if [ ! -f "$out/cds-agent.jar" ] || [ "$out/cds-agent.jar" -ot "$AGENT_SRC" ]; then
    mkdir -p "$out"
    work=$(mktemp -d "$out/build.XXXXXX")
    javac --release 17 -d "$work/classes" "$AGENT_SRC" >&2 || return 1
    printf 'Agent-Class: io.testtrack.cds.LinkLoadedClasses\n' >"$work/manifest.txt"
    jar --create --file "$work/cds-agent.jar" --manifest "$work/manifest.txt" -C "$work/classes" . >&2 || return 1
    mv "$work/cds-agent.jar" "$out/cds-agent.jar" && rm -rf "$work"
  fi
  echo "$out/cds-agent.jar"
}
cd "$APP"

if [ "$mode" = train ]; then
  port=$(( ${2:?usage: scripts/run-service.sh --train <module> <port>} + 10000 ))
  check=ready
  [ "$module" = gateway ] && check=live
  rm -f app-cds.jsa
  agent=$(agent_jar) || { echo "run-service: the class-linking agent (scripts/cds) did not compile" >&2; exit 1; }
  # the gateway's management interface (metrics, OpenAPI) moves aside too, clear of a running stack's
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(( port + 1000 )) \
    java "${opts[@]}" -XX:ArchiveClassesAtExit=app-cds.jsa -jar quarkus-run.jar \
    >"$ROOT/$module/target/cds-training.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port/q/health/$check" >/dev/null 2>&1; then
      jcmd "$pid" JVMTI.agent_load "$agent" >>"$ROOT/$module/target/cds-training.log" 2>&1 \
        || echo "run-service: $module's classes were not linked; its archive holds fewer" >&2
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  [ -f app-cds.jsa ] || { echo "run-service: $module made no class archive (see $module/target/cds-training.log)" >&2; exit 1; }
  exit 0
fi

if archive_fresh; then
  opts+=(-XX:SharedArchiveFile=app-cds.jsa -Xlog:cds=off -Xlog:class+path=off)
fi
exec java "${opts[@]}" -jar quarkus-run.jar
