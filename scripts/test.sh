#!/usr/bin/env bash
# Runs every test of TestTrack Pro against real servers: starts what the tests need
# (PostgreSQL, Redis, Kafka, via scripts/stack.sh infra), then the whole Maven reactor, then the
# web UI's tests: its unit tests (Vitest) and, against the whole local stack brought up by
# scripts/stack.sh up, its end-to-end tests (Playwright driving Debian's Chromium).
# Extra arguments go to Maven and run the Maven stage only, e.g. `scripts/test.sh -pl platform`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/scripts/stack.sh" infra
cd "$ROOT"
mvn -B verify "$@"
[ $# -eq 0 ] || exit 0

log() { printf '[test] %s\n' "$*"; }
if [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# Builds the UI (npm ci, production build) and starts every service behind the gateway.
"$ROOT/scripts/stack.sh" up
cd "$ROOT/web-ui"
log "web UI unit tests (Vitest)"
npx vitest run
log "web UI end-to-end tests (Playwright, against http://localhost:8080)"
npx playwright test
