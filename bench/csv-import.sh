#!/usr/bin/env bash
# CSV import of 10,000 rows right after testcase-service starts: the service is restarted the
# stack's way (scripts/run-service.sh, class archive included), then imports [imports] files
# into a new, empty project each, one after the other; the first runs on a cold JIT. Prints
# the time of each (TestcaseBench's seed, through the REST API) and the CPU each process spent
# meanwhile (from /proc).
#
#   bench/csv-import.sh [imports]                  (starts the stack if needed: scripts/stack.sh up)
#   BENCH_APPS="<dir> <dir> …" bench/csv-import.sh  runs each quarkus-app folder in turn (copies of
#                                                   builds to compare side by side), restoring the
#                                                   built one at the end
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
IMPORTS=${1:-3}
. bench/service-builds.sh

cpu() { # pid, CPU ticks so far, name of every service, PostgreSQL backend and the broker
  for p in $(pgrep -f quarkus-run.jar) $(pgrep postgres) $(pgrep -f kafka.Kafka); do
    echo "$p $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) $(readlink "/proc/$p/cwd" | sed "s|$ROOT/||; s|/target.*||; s|^/.*|postgres|; s|^\.stack.*|postgres|")"
  done
}
one_import() {
  local token project
  token=$(admin_token)
  project=$(new_project "$token" C)
  cpu >"$BUILT/cpu0"
  java -Xmx512m -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*" io.testtrack.bench.TestcaseBench \
    http://127.0.0.1:8082 "$token" "$project" 10000 10 seed | grep RESULT | sed "s/^RESULT //" | tr '\n' ' '
  cpu >"$BUILT/cpu1"
  join <(sort "$BUILT/cpu0") <(sort "$BUILT/cpu1") \
    | awk '{ s[$5] += ($4 - $2) * 10 } END { for (n in s) if (s[n] > 0) printf "cpu_ms_%s=%d ", n, s[n]; print "" }'
}

for app in $(bench_builds); do
  use_build "$app"
  sleep 3
  for i in $(seq 1 "$IMPORTS"); do
    echo "RESULT app=$app import=$i $(one_import)"
    sleep 5
  done
done
