#!/usr/bin/env bash
# Runs one built service in the foreground with the stack's JVM options: scripts/stack.sh starts
# every service through it, and the benchmarks start theirs the same way.
#
#   scripts/run-service.sh <module>     e.g. scripts/run-service.sh auth-service
#
# Options (TESTTRACK_JAVA_OPTS overrides them): a 256 MB heap that starts at 64 MB and grows on
# demand (an idle service keeps ~50 MB less resident than with the whole heap touched), the
# serial collector (two cores), a 64 MB code cache and 512 KB thread stacks. When the build made
# an AppCDS archive (scripts/stack.sh builds with -Dquarkus.package.jar.appcds.enabled=true) the
# JVM maps it, which saves the parsing and verification of the classes it holds at every start;
# the archive only matches the jars from the folder it was made in, hence the cd.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP=$ROOT/${1:?usage: scripts/run-service.sh <module>}/target/quarkus-app
[ -f "$APP/quarkus-run.jar" ] || { echo "run-service: $APP/quarkus-run.jar is not built" >&2; exit 1; }
read -r -a opts <<<"${TESTTRACK_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}"
if [ -f "$APP/app-cds.jsa" ] && [ ! "$APP/app-cds.jsa" -ot "$APP/quarkus-run.jar" ]; then
  opts+=(-XX:SharedArchiveFile=app-cds.jsa -Xlog:cds=off -Xlog:class+path=off)
fi
cd "$APP"
exec java "${opts[@]}" -jar quarkus-run.jar
