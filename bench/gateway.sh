#!/usr/bin/env bash
# Gateway overhead and login latency, measured side by side in one run with wrk:
#  1. GET /api/auth/me (a cheap authenticated read) straight at auth-service, then the same
#     read through the gateway: 50 connections, 30 s each, p50/p99 and requests/s.
#  2. POST /api/auth/login with the stack's Argon2id cost: 10 connections for 30 s, straight at
#     auth-service (the gateway's per-address auth limit would cut a load test short).
#
#   bench/gateway.sh           (starts the stack if needed: scripts/stack.sh up)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq wrk >/dev/null; }
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"

token=$(curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-For: 10.200.0.1' \
  -d "{\"email\":\"$TESTTRACK_ADMIN_EMAIL\",\"password\":\"$TESTTRACK_ADMIN_PASSWORD\"}" \
  http://127.0.0.1:8081/api/auth/login | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }

report=bench/wrk-report.lua

run() { # run <label> <url> [wrk args...]
  local label=$1 url=$2; shift 2
  echo "RESULT $label $(wrk -s "$report" "$@" "$url" | tail -n 1)"
}

# wrk sends tens of thousands of requests with one token, which the stack's gateway would rate
# limit; the bench runs a second gateway on 18080 whose limits are high enough never to trip
# (the Redis counting still happens on every request, so its cost is measured).
GATEWAY_RATE_LIMIT_PER_PRINCIPAL=1000000000 GATEWAY_RATE_LIMIT_PER_ADDRESS=1000000000 QUARKUS_HTTP_PORT=18080 \
  TESTTRACK_GATEWAY_MANAGEMENT_PORT=19080 \
  scripts/run-service.sh gateway >/tmp/testtrack-bench-gateway.log 2>&1 &
gw=$!
trap 'kill $gw 2>/dev/null || true' EXIT
until curl -fsS http://127.0.0.1:18080/q/health/live >/dev/null 2>&1; do sleep 0.2; done

run warmup-direct http://127.0.0.1:8081/api/auth/me -t2 -c50 -d10s -H "Authorization: Bearer $token" >/dev/null
run warmup-gateway http://127.0.0.1:18080/api/auth/me -t2 -c50 -d10s -H "Authorization: Bearer $token" >/dev/null
run direct http://127.0.0.1:8081/api/auth/me -t2 -c50 -d30s -H "Authorization: Bearer $token"
run gateway http://127.0.0.1:18080/api/auth/me -t2 -c50 -d30s -H "Authorization: Bearer $token"

login=$(mktemp --suffix=.lua)
cat "$report" >"$login"
cat >>"$login" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Forwarded-For"] = "10.200.0.2"
wrk.body = '{"email":"$TESTTRACK_ADMIN_EMAIL","password":"$TESTTRACK_ADMIN_PASSWORD"}'
LUA
echo "RESULT login $(wrk -t2 -c10 -d30s -s "$login" http://127.0.0.1:8081/api/auth/login | tail -n 1)"
rm -f "$login"
