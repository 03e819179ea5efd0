#!/usr/bin/env bash
# Automated tests discovered by a CI import becoming cases: a JUnit import (JunitImportBench,
# through the gateway with a project API token) of [tests] tests that no case knows, into a new
# project; execution-service publishes an AutomatedTestDiscovered for each, and testcase-service
# creates their cases. Prints the import's time and the time from its answer until
# testcase-service holds every case. A first import of 500 tests warms up after the restart.
#
#   bench/discovery.sh [tests]                      (default 10,000; starts the stack if needed)
#   BENCH_APPS="<dir> <dir> …" bench/discovery.sh   builds of testcase-service side by side
#                                                   (bench/service-builds.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TESTS=${1:-10000}
. bench/service-builds.sh

cases_of() {
  PGPASSWORD=${TESTTRACK_DB_PASSWORD_TESTCASE:-tt_testcase} psql -X -q -tA -h localhost -U tt_testcase -d testtrack \
    -c "SELECT count(*) FROM testcase.test_cases WHERE project_id = '$1' AND automation_key IS NOT NULL"
}
discover() { # discover <tests>: prints the RESULT fields
  local admin project ci t0 t1 t2
  admin=$(admin_token)
  project=$(new_project "$admin" D)
  ci=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" -d '{"name":"bench CI","role":"TESTER"}' \
    "http://127.0.0.1:8081/api/projects/$project/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  until curl -fsS -o /dev/null -H "Authorization: Bearer $admin" "http://127.0.0.1:8083/api/runs?projectId=$project" 2>/dev/null; do
    sleep 0.2
  done
  t0=$(date +%s.%N)
  java -Xmx256m -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*" io.testtrack.bench.JunitImportBench \
    http://127.0.0.1:8080 "$ci" "$project" "$1" "$(cat .stack/pids/execution-service.pid)" "$BUILT/report.xml" >/dev/null
  t1=$(date +%s.%N)
  until [ "$(cases_of "$project")" -ge "$1" ]; do sleep 0.1; done
  t2=$(date +%s.%N)
  echo "tests=$1 import_s=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }") cases_after_import_s=$(awk "BEGIN { printf \"%.2f\", $t2 - $t1 }")"
}

for app in $(bench_builds); do
  use_build "$app"
  echo "RESULT app=$app warm-up $(discover 500)"
  echo "RESULT app=$app $(discover "$TESTS")"
done
