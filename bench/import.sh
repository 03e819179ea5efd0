#!/usr/bin/env bash
# CI import through the gateway with a project API token: generated Surefire-like reports of
# 10,000 and 100,000 testcases (JunitImportBench): wall time and execution-service peak RSS, and
# in the same run the time PostgreSQL's COPY takes to load the very rows the import stored
# (exported from the run, copied into a table shaped like executions, indexes included).
# Prints RESULT lines; docs/benchmarks.md quotes them.
#
#   bench/import.sh            (starts the stack if needed: scripts/stack.sh up)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"
mvn -q -B -pl bench -am package -DskipTests
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

json() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\\1/"; }
admin=$(curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-For: 10.200.0.4' \
  -d "{\"email\":\"$TESTTRACK_ADMIN_EMAIL\",\"password\":\"$TESTTRACK_ADMIN_PASSWORD\"}" http://127.0.0.1:8081/api/auth/login | json accessToken)
key=$(printf 'I%04d%04d' $((RANDOM % 10000)) $((RANDOM % 10000)))
project=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
  -d "{\"key\":\"$key\",\"name\":\"Import bench $key\"}" http://127.0.0.1:8081/api/projects | json id)
ci=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
  -d '{"name":"bench CI","role":"TESTER"}' "http://127.0.0.1:8081/api/projects/$project/tokens" | json token)
until curl -fsS -o /dev/null -H "Authorization: Bearer $admin" "http://127.0.0.1:8083/api/runs?projectId=$project"; do sleep 0.2; done
pid=$(cat .stack/pids/execution-service.pid)

psql_exec() { PGPASSWORD=tt_execution psql -X -q -h localhost -U tt_execution -d testtrack "$@"; }
# Each import announces its unknown tests and testcase-service creates their cases in the
# background (bench/discovery.sh measures that): on this 2-core machine that work would be
# measured with the next import.
# testcase-service is stopped while the bench runs (scripts/stack.sh up starts it again at the
# end); the next import starts when the relay has published everything.
settle() {
  for _ in $(seq 1 600); do
    [ "$(psql_exec -tAc "SELECT count(*) FROM outbox WHERE published_at IS NULL")" = 0 ] && return
    sleep 0.5
  done
}
kill "$(cat .stack/pids/testcase-service.pid)" 2>/dev/null || true
trap 'rm -rf "$WORK"; scripts/stack.sh up >/dev/null' EXIT
psql_exec -c "DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE executions INCLUDING ALL)"
# A first, small import warms the JVMs (class loading, JIT) and the API-token path, as a
# long-running service would be when the measured builds arrive.
java -Xmx256m -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*" io.testtrack.bench.JunitImportBench \
  http://127.0.0.1:8080 "$ci" "$project" 2000 "$pid" "$WORK/warmup.xml" | sed 's/^RESULT import/RESULT warm-up import/'
for n in 10000 100000; do
  settle
  line=$(java -Xmx256m -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*" io.testtrack.bench.JunitImportBench \
    http://127.0.0.1:8080 "$ci" "$project" "$n" "$pid" "$WORK/report-$n.xml" | grep RESULT)
  echo "$line"
  run=$(echo "$line" | sed -E 's/.*runId=([^ ]+).*/\1/')
  psql_exec -c "\\copy (SELECT * FROM executions WHERE run_id = '$run') TO '$WORK/rows-$n.csv' WITH (FORMAT csv)"
  psql_exec -c "TRUNCATE bench_copy"
  start=$(date +%s.%N)
  psql_exec -c "\\copy bench_copy FROM '$WORK/rows-$n.csv' WITH (FORMAT csv)"
  end=$(date +%s.%N)
  echo "RESULT copy rows=$n seconds=$(awk "BEGIN { printf \"%.2f\", $end - $start }")"
done
psql_exec -c "DROP TABLE bench_copy"
