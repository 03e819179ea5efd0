#!/usr/bin/env bash
# Live updates through the whole stack: a step result recorded through the gateway's REST API
# → the matching event on WebSocket clients connected to the gateway's /ws. LiveUpdatesBench
# signs in as the first admin, makes a project with CASES cases of STEPS steps and a run of
# them, opens SOCKETS sockets that follow the run, and records step results at each of RATES
# (events a second, open loop) for SECONDS each, after a 10 s warm-up at 100/s. Prints RESULT
# lines (the load average before and after too); docs/benchmarks.md quotes them.
#
#   bench/live-updates.sh [RATES] [SECONDS] [SOCKETS] [CASES] [STEPS]   (defaults 100,1000 30 4 200 5)
#
# Starts the stack if needed (scripts/stack.sh up). The stack's gateway allows one user 1,200
# requests a minute, so the calls go through a second gateway on 18080, the same build in
# front of the same services, whose limits never trip (its Redis counting still runs on every
# request), as bench/gateway.sh does.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RATES=${1:-100,1000}
SECS=${2:-30}
SOCKETS=${3:-4}
CASES=${4:-200}
STEPS=${5:-5}
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"
mvn -q -B -o -pl common,events,platform,bench package -DskipTests

GATEWAY_RATE_LIMIT_PER_PRINCIPAL=1000000000 GATEWAY_RATE_LIMIT_PER_ADDRESS=1000000000 QUARKUS_HTTP_PORT=18080 \
  TESTTRACK_GATEWAY_MANAGEMENT_PORT=19080 \
  scripts/run-service.sh gateway >/tmp/testtrack-bench-live-gateway.log 2>&1 &
gw=$!
trap 'kill $gw 2>/dev/null || true; wait $gw 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fsS http://127.0.0.1:18080/q/health/live >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS http://127.0.0.1:18080/q/health/live >/dev/null || { tail -50 /tmp/testtrack-bench-live-gateway.log; exit 1; }

echo "RESULT started=$(date -u +%FT%TZ) load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*:bench/target/quarkus-app/lib/boot/*" \
  io.testtrack.bench.LiveUpdatesBench http://127.0.0.1:18080 "$TESTTRACK_ADMIN_EMAIL" "$TESTTRACK_ADMIN_PASSWORD" \
  "$RATES" "$SECS" "$SOCKETS" "$CASES" "$STEPS"
echo "RESULT ended=$(date -u +%FT%TZ) load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
