#!/usr/bin/env bash
# Runs every test of TestTrack Pro against real servers:
#   1. starts what the module tests need (PostgreSQL, Redis, Kafka: scripts/stack.sh infra) and runs
#      the whole Maven reactor (each service's tests start the service in the test JVM);
#   2. brings the whole platform up (scripts/stack.sh up) and runs the system tests, which reach it
#      through the gateway only, as users and CI pipelines do (module system-tests, -Psystem).
# Extra arguments go to the first Maven run, e.g. `scripts/test.sh -pl platform` (the stack stages
# then run only when TESTTRACK_SYSTEM_TESTS=1).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/scripts/stack.sh" infra
cd "$ROOT"
mvn -B verify "$@"
if [ $# -gt 0 ] && [ "${TESTTRACK_SYSTEM_TESTS:-0}" != 1 ]; then
  exit 0
fi
"$ROOT/scripts/stack.sh" up
mvn -B -Psystem -pl system-tests verify
