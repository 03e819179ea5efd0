#!/usr/bin/env bash
# How long after a 10,000-row CSV import execution-service knows every new case (its case
# projection, fed by testcase-service's events through the outbox and Kafka), and the CPU
# execution-service spent on them. execution-service is restarted the stack's way before each
# import, so its first poll runs on a cold JIT, as after a deployment.
#
#   bench/case-projection.sh [imports]                   (starts the stack if needed)
#   BENCH_APPS="<dir> <dir> …" bench/case-projection.sh  alternates those execution-service builds
#                                                        (quarkus-app folders), [imports] rounds
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
IMPORTS=${1:-2}
BENCH_MODULE=execution-service
BENCH_PORT=8083
. bench/service-builds.sh

cpu_ms() { echo $(( $(awk '{print $14 + $15}' "/proc/$(cat .stack/pids/execution-service.pid)/stat") * 10 )); }
projected() {
  PGPASSWORD=${TESTTRACK_DB_PASSWORD_EXECUTION:-tt_execution} psql -h localhost -U tt_execution -d testtrack -tAc \
    "SELECT count(*) FROM cases WHERE project_id = '$1'"
}

for round in $(seq 1 "$IMPORTS"); do
  for app in $(bench_builds); do
    use_build "$app"
    token=$(admin_token)
    project=$(new_project "$token" P)
    cpu0=$(cpu_ms)
    start=$(date +%s%3N)
    java -Xmx512m -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*" io.testtrack.bench.TestcaseBench \
      http://127.0.0.1:8082 "$token" "$project" 10000 10 seed >/dev/null
    imported=$(( $(date +%s%3N) - start ))
    until [ "$(projected "$project")" -ge 10000 ]; do sleep 0.1; done
    echo "RESULT app=$app round=$round import_ms=$imported all_cases_in_execution_ms=$(( $(date +%s%3N) - start ))" \
      "execution_cpu_ms=$(( $(cpu_ms) - cpu0 ))"
  done
done
