#!/usr/bin/env bash
# defect-service with 100,000 defects in one project, straight to its port (8084): the defects
# are seeded with one INSERT … SELECT (as the tt_defect role), then wrk, 20 connections for 30 s
# each after 10 s of warm-up: the default list (a project's first page of 50, newest first) and a
# transition (each request closes another NEW defect as WONT_FIX, so every request is a real move
# with its history row and outbox event). Prints RESULT lines; docs/benchmarks.md quotes them.
#
#   bench/defect.sh [seconds]     (starts the stack if needed: scripts/stack.sh up)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq wrk >/dev/null; }
SECONDS_EACH=${1:-30}
DEFECTS=100000
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"

login=$(curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-For: 10.200.0.4' \
  -d "{\"email\":\"$TESTTRACK_ADMIN_EMAIL\",\"password\":\"$TESTTRACK_ADMIN_PASSWORD\"}" http://127.0.0.1:8081/api/auth/login)
token=$(echo "$login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
admin=$(echo "$login" | sed -E 's/.*"user":\{"id":"([^"]+)".*/\1/')
[ -n "$token" ] && [ -n "$admin" ] || { echo "login failed" >&2; exit 1; }
key=$(printf 'D%04d%03d' $((RANDOM % 10000)) $((RANDOM % 1000)))
project=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d "{\"key\":\"$key\",\"name\":\"Bench $key\"}" http://127.0.0.1:8081/api/projects | sed -E 's/.*"id":"([^"]+)".*/\1/')
until curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:8084/api/bugs?projectId=$project"; do sleep 0.2; done

psql_defect() {
  PGPASSWORD=${TESTTRACK_DB_PASSWORD_DEFECT:-tt_defect} psql -X -q -v ON_ERROR_STOP=1 -h localhost -U tt_defect -d testtrack "$@"
}
start=$(date +%s.%N)
psql_defect -v project="$project" -v key="$key" -v user="$admin" -v n="$DEFECTS" <<'SQL'
INSERT INTO defect.defects (id, project_id, number, key, title, description, severity, priority, tags, reporter_id, watchers,
    status, created_at, updated_at, version)
SELECT gen_random_uuid(), :'project', n, :'key' || '-B' || n,
       'Bench defect ' || n || ': ' || (ARRAY['checkout', 'payment', 'search', 'login', 'cart'])[1 + n % 5] || ' fails',
       'Seeded for the benchmark; seen on ' || (ARRAY['chrome', 'firefox', 'safari'])[1 + n % 3],
       (ARRAY['CRITICAL', 'MAJOR', 'MINOR', 'TRIVIAL'])[1 + n % 4], 'P' || (n % 5), '["bench"]', :'user', '[]', 'NEW',
       now() - (:n - n) * interval '1 second', now(), 1
FROM generate_series(1, :n) AS n;
INSERT INTO defect.defect_numbers (project_id, last_number) VALUES (:'project', :n);
VACUUM (ANALYZE) defect.defects;
SQL
echo "RESULT seeded defects=$DEFECTS seconds=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")"

ids=$(mktemp)
moves=$(mktemp --suffix=.lua)
trap 'rm -f "$ids" "$moves"' EXIT
psql_defect -At -c "SELECT id FROM defect.defects WHERE project_id = '$project' ORDER BY number" >"$ids"
cat bench/wrk-report.lua >"$moves"
cat >>"$moves" <<LUA
local ids = {}
for line in io.lines("$ids") do ids[#ids + 1] = line end
local threads = 0
setup = function(thread)
  thread:set("first", threads)
  threads = threads + 1
end
local offset = 0
init = function(args)
  offset = tonumber(args[1] or "0")
end
local n = -1
request = function()
  n = n + 1
  local id = ids[1 + (offset + first + n * 2) % #ids]
  return wrk.format("POST", "/api/bugs/" .. id .. "/transitions",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token" },
    '{"to":"CLOSED","version":1,"resolution":"WONT_FIX"}')
end
LUA
list="http://127.0.0.1:8084/api/bugs?projectId=$project"
wrk -t2 -c20 -d10s -H "Authorization: Bearer $token" "$list" >/dev/null
echo "RESULT list clients=20 $(wrk -t2 -c20 -d"${SECONDS_EACH}s" -s bench/wrk-report.lua -H "Authorization: Bearer $token" "$list" | tail -n 1)"
echo "RESULT counts clients=20 $(wrk -t2 -c20 -d"${SECONDS_EACH}s" -s bench/wrk-report.lua -H "Authorization: Bearer $token" \
  "http://127.0.0.1:8084/api/bugs/counts?projectId=$project" | tail -n 1)"
# The warm-up moves defects from the first on, the measured run from the 40,000th (each defect
# once: a second move of one would be a 409 and count as an error).
wrk -t2 -c20 -d10s -s "$moves" http://127.0.0.1:8084 -- 0 >/dev/null
echo "RESULT transition clients=20 $(wrk -t2 -c20 -d"${SECONDS_EACH}s" -s "$moves" http://127.0.0.1:8084 -- 40000 | tail -n 1)"
echo "RESULT closed=$(psql_defect -At -c "SELECT count(*) FROM defect.defects WHERE project_id = '$project' AND status = 'CLOSED'")"
