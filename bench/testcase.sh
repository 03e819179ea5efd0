#!/usr/bin/env bash
# testcase-service with 100,000 cases in one project, through its REST API: TestcaseBench seeds
# it by CSV imports of 10,000 rows (each timed, the first into an empty project, the last at
# 90,000) and finds the cursors; then wrk, 20 connections for 30 s each after 10 s of warm-up:
# search (text + tag, page of 50) first page and deep cursor, a deep page of the unfiltered list,
# and case creation. Prints RESULT lines; docs/benchmarks.md quotes them.
#
#   bench/testcase.sh [cases] [seconds]     (starts the stack if needed: scripts/stack.sh up)
#   BENCH_PROJECT=<id> bench/testcase.sh     measures again a project an earlier run seeded
#   BENCH_JAVA_CLIENT=1 bench/testcase.sh    also measures with TestcaseBench's own HTTP client
#                                            (the JDK's), which takes more of the two cores
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq wrk >/dev/null; }
CASES=${1:-100000}
SECONDS_EACH=${2:-30}
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"
mvn -q -B -pl bench -am package -DskipTests

token=$(curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-For: 10.200.0.3' \
  -d "{\"email\":\"$TESTTRACK_ADMIN_EMAIL\",\"password\":\"$TESTTRACK_ADMIN_PASSWORD\"}" \
  http://127.0.0.1:8081/api/auth/login | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }
bench() {
  java -Xmx512m -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*" io.testtrack.bench.TestcaseBench \
    http://127.0.0.1:8082 "$token" "$project" "$CASES" "$SECONDS_EACH" "$1" | grep -E '^(RESULT|TARGET)'
}
measure() {
  local targets create
  targets=$(bench targets)
  echo "$targets" | grep RESULT
  create=$(mktemp --suffix=.lua)
  trap 'rm -f "$create"' RETURN
  cat bench/wrk-report.lua >"$create"
  cat >>"$create" <<LUA
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/api/tests", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token" },
    '{"projectId":"$project","title":"Bench case ' .. n .. ' checkout","tags":["smoke"],'
    .. '"steps":[{"index":1,"action":"Open","expectedResult":"Shown"}]}')
end
LUA
  while read -r _ name path; do
    wrk -t2 -c20 -d10s -H "Authorization: Bearer $token" "http://127.0.0.1:8082$path" >/dev/null
    echo "RESULT $name clients=20 $(wrk -t2 -c20 -d"${SECONDS_EACH}s" -s bench/wrk-report.lua -H "Authorization: Bearer $token" \
      "http://127.0.0.1:8082$path" | tail -n 1)"
  done < <(echo "$targets" | grep '^TARGET')
  wrk -t2 -c20 -d10s -s "$create" http://127.0.0.1:8082 >/dev/null
  echo "RESULT create clients=20 $(wrk -t2 -c20 -d"${SECONDS_EACH}s" -s "$create" http://127.0.0.1:8082 | tail -n 1)"
  if [ -n "${BENCH_JAVA_CLIENT:-}" ]; then
    bench measure | sed 's/^RESULT /RESULT java-client /'
  fi
}
if [ -n "${BENCH_PROJECT:-}" ]; then
  project=$BENCH_PROJECT
  measure
  exit 0
fi
key=$(printf 'B%04d%04d' $((RANDOM % 10000)) $((RANDOM % 10000)))
project=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d "{\"key\":\"$key\",\"name\":\"Bench $key\"}" http://127.0.0.1:8081/api/projects | sed -E 's/.*"id":"([^"]+)".*/\1/')
until curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:8082/api/suites?projectId=$project"; do sleep 0.2; done
bench seed
# The imports publish a TestCaseCreated per case, which execution-service's case projection
# consumes in the background: measure once it has caught up (on 2 cores it would be measured too).
for _ in $(seq 1 600); do
  lag=$(java -cp ".stack/kafka/libs/*" -Dlog4j2.configurationFile=.stack/kafka/log4j2.properties \
    org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server localhost:9092 --describe \
    --group execution-service-cases 2>/dev/null | awk '$6 ~ /^[0-9]+$/ { s += $6 } END { print s + 0 }')
  [ "$lag" = 0 ] && break
  sleep 2
done
# Measure the table as autovacuum leaves it a minute or two after a bulk import (statistics that
# know the new project, visibility map and hint bits set), not in the import's aftermath.
PGPASSWORD=${TESTTRACK_DB_PASSWORD_TESTCASE:-tt_testcase} psql -X -q -h localhost -U tt_testcase -d testtrack \
  -c "VACUUM (ANALYZE) testcase.test_cases"
measure
