#!/usr/bin/env bash
# defect-service with 100,000 defects in one project, on the local stack:
#   - seeds a new project's defects with one INSERT … SELECT into the stack's defect schema (as
#     defect-service's own role; the rows are what the service writes, key numbers included), then
#     VACUUM (ANALYZE) as autovacuum would leave the table;
#   - 20 clients, 30 s each after 10 s of warm-up, straight on defect-service (:8084): a
#     transition (ASSIGNED → CLOSED → REOPENED → ASSIGNED, each client on its own defects) and the
#     default list (GET /api/bugs?projectId=…, newest 50);
#   - the closed loop through the real broker, ITERATIONS times on one defect filed from a failed
#     step: FIXED → re-test requested → execution-service's re-test → re-test step recorded PASS →
#     VERIFIED_FIXED, timed from the answer to the PASS to VERIFIED_FIXED being read.
# Prints RESULT lines; docs/benchmarks.md quotes them.
#
#   bench/defects.sh [defects] [seconds] [iterations]      (defaults 100000 30 120; starts the stack if needed)
#   BENCH_PROJECT=<id> bench/defects.sh                     measures again a project an earlier run seeded
#   BENCH_PHASES="loop" bench/defects.sh                    only some of: transitions list loop
#   BENCH_CLIENTS=4 bench/defects.sh                        another number of clients than 20
#   BENCH_PACE_MS=200 bench/defects.sh                      each client one request every 200 ms (timed from when
#                                                           it was due), not one right after the other
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DEFECTS=${1:-100000}
SECONDS_EACH=${2:-30}
ITERATIONS=${3:-120}
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"
mvn -q -B -o -pl common,events,platform,bench package -DskipTests
psql_defect() { PGPASSWORD=${TESTTRACK_DB_PASSWORD_DEFECT:-tt_defect} psql -X -q -v ON_ERROR_STOP=1 -h localhost -U tt_defect -d testtrack "$@"; }

token=$(curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-For: 10.200.0.4' \
  -d "{\"email\":\"$TESTTRACK_ADMIN_EMAIL\",\"password\":\"$TESTTRACK_ADMIN_PASSWORD\"}" \
  http://127.0.0.1:8081/api/auth/login | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }
me=$(curl -fsS -H "Authorization: Bearer $token" http://127.0.0.1:8081/api/auth/me | sed -E 's/.*"id":"([^"]+)".*/\1/')
bench() {
  java -Xmx512m ${BENCH_CLIENTS:+-Dbench.clients=$BENCH_CLIENTS} ${BENCH_PACE_MS:+-Dbench.pace.ms=$BENCH_PACE_MS} -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*" io.testtrack.bench.DefectBench \
    "$1" "$token" "$project" "${@:2}" | grep -E '^RESULT'
}

if [ -n "${BENCH_PROJECT:-}" ]; then
  project=$BENCH_PROJECT
else
  key=$(printf 'D%04d%03d' $((RANDOM % 10000)) $((RANDOM % 1000)))
  project=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"key\":\"$key\",\"name\":\"Bench $key\"}" http://127.0.0.1:8081/api/projects | sed -E 's/.*"id":"([^"]+)".*/\1/')
  until curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:8084/api/bugs/counts?projectId=$project"; do sleep 0.2; done
  start=$(date +%s%N)
  # A spread of statuses, severities, priorities, tags and creation times over two years; every
  # tenth defect ASSIGNED to the admin (the transitions' share). Texts feed the full-text column.
  psql_defect <<SQL
SET statement_timeout = 0;
BEGIN;
INSERT INTO defects (id, project_id, number, key, title, description, steps_to_reproduce, expected_result, actual_result,
                     severity, priority, reproducibility, environment, build, tags, reporter_id, assignee_id, status,
                     created_at, updated_at, updated_by, version)
SELECT gen_random_uuid(), '$project', n, '$key-B' || n,
       (ARRAY['Checkout','Payment','Refund','Login','Search','Cart','Coupon','Invoice'])[1 + n % 8] || ' fails on '
         || (ARRAY['Chrome','Firefox','Safari','Android','iOS'])[1 + n % 5] || ' #' || n,
       'Seen in the nightly run while paying with a saved card; the page shows an error instead of the receipt.',
       'Open the basket, pay with the saved card', 'The order is confirmed', 'Error 500',
       (ARRAY['CRITICAL','MAJOR','MINOR','TRIVIAL'])[1 + n % 4], 'P' || (n % 5), 'ALWAYS', 'staging', '2.' || (n % 40) || '.0',
       CAST('["' || (ARRAY['ui','api','checkout','mobile','regression'])[1 + n % 5] || '"]' AS jsonb), '$me',
       CASE WHEN n % 10 = 0 THEN CAST('$me' AS uuid) END,
       CASE WHEN n % 10 = 0 THEN 'ASSIGNED' ELSE (ARRAY['NEW','IN_PROGRESS','FIXED','VERIFIED_FIXED','CLOSED'])[1 + n % 5] END,
       now() - make_interval(mins => ($DEFECTS - n) * 10), now() - make_interval(mins => ($DEFECTS - n) * 10), '$me', 0
FROM generate_series(1, $DEFECTS) AS n;
INSERT INTO defect_numbers (project_id, last_number) VALUES ('$project', $DEFECTS);
COMMIT;
VACUUM (ANALYZE) defects;
SQL
  echo "RESULT seed defects=$DEFECTS ms=$(( ($(date +%s%N) - start) / 1000000 ))"
fi
echo "RESULT project=$project"

ids=$(mktemp)
trap 'rm -f "$ids"' EXIT
# the transitions' defects, each with the version it is at now (an earlier run may have moved them)
psql_defect -tA -F ' ' -c "SELECT id, version FROM defects WHERE project_id = '$project' AND status = 'ASSIGNED' ORDER BY number LIMIT 4000" >"$ids"
for phase in ${BENCH_PHASES:-transitions list loop}; do
  case $phase in
    transitions) bench transitions http://127.0.0.1:8084 "$SECONDS_EACH" "$ids" ;;
    list) bench list http://127.0.0.1:8084 "$SECONDS_EACH" ;;
    loop) bench loop http://127.0.0.1:8082 http://127.0.0.1:8083 http://127.0.0.1:8084 "$ITERATIONS" ;;
  esac
done
