#!/usr/bin/env bash
# Runs every test of TestTrack Pro against real servers:
#   1. starts what the module tests need (PostgreSQL, Redis, Kafka: scripts/stack.sh infra) and runs
#      the whole Maven reactor (each service's tests start the service in the test JVM);
#   2. brings the whole platform up, web UI included (scripts/stack.sh up), and runs
#      - the system tests, which reach it through the gateway only, as users and CI pipelines do
#        (module system-tests, Maven profile `system`);
#      - the web UI's unit tests (Vitest) and end-to-end tests (Playwright driving Debian's
#        Chromium against http://localhost:8080).
# Extra arguments go to the first Maven run and run that stage only, e.g. `scripts/test.sh -pl
# platform` (TESTTRACK_SYSTEM_TESTS=1 runs the stack stages after it all the same).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/scripts/stack.sh" infra
cd "$ROOT"
mvn -B verify "$@"
if [ $# -gt 0 ] && [ "${TESTTRACK_SYSTEM_TESTS:-0}" != 1 ]; then
  exit 0
fi

log() { printf '[test] %s\n' "$*"; }
if [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# Builds the services and the UI (npm ci, production build) and starts everything behind the gateway.
"$ROOT/scripts/stack.sh" up
log "system tests (through the gateway)"
mvn -B -Psystem -pl system-tests verify
cd "$ROOT/web-ui"
log "web UI unit tests (Vitest)"
npx vitest run
log "web UI end-to-end tests (Playwright, against http://localhost:8080)"
npx playwright test
