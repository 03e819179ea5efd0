# Sourced by the benchmarks that compare builds of testcase-service side by side
# (bench/csv-import.sh, bench/discovery.sh). In the repository root, with the stack's environment:
#   for app in $(testcase_builds); do use_testcase_build "$app"; …; done
# BENCH_APPS="<dir> <dir> …" names quarkus-app folders (copies of builds, made with cp -a so that
# their class archives stay valid); without it, the built one. At exit the built one is put back
# and testcase-service restarted from it.
# Starts the stack if needed and builds the bench module first.
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"
mvn -q -B -pl bench -am package -DskipTests
TC_APP=testcase-service/target/quarkus-app
TC_BUILT=$(mktemp -d)
cp -a "$TC_APP" "$TC_BUILT/quarkus-app"
trap 'rm -rf "$TC_APP" && mv "$TC_BUILT/quarkus-app" "$TC_APP" && rm -rf "$TC_BUILT"; restart_testcase' EXIT

testcase_builds() {
  echo "${BENCH_APPS:-$TC_BUILT/quarkus-app}"
}

# Stops the stack's testcase-service, and starts it the stack's way, ready.
restart_testcase() {
  local pid
  pid=$(cat .stack/pids/testcase-service.pid 2>/dev/null || true)
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  nohup scripts/run-service.sh testcase-service >.stack/logs/testcase-service.log 2>&1 &
  echo $! >.stack/pids/testcase-service.pid
  until curl -fsS -o /dev/null http://127.0.0.1:8082/q/health/ready 2>/dev/null; do sleep 0.2; done
}

use_testcase_build() {
  rm -rf "$TC_APP"
  cp -a "$1" "$TC_APP"
  restart_testcase
}

# An access token of the stack's first admin, from an address of its own (the login limit is per address).
admin_token() {
  curl -fsS -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.201.$((RANDOM % 250)).$((RANDOM % 250))" \
    -d "{\"email\":\"$TESTTRACK_ADMIN_EMAIL\",\"password\":\"$TESTTRACK_ADMIN_PASSWORD\"}" \
    http://127.0.0.1:8081/api/auth/login | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# A new project named <prefix><8 digits>: prints its id once testcase-service knows it.
new_project() {
  local token=$1 key project
  key=$(printf '%s%04d%04d' "$2" $((RANDOM % 10000)) $((RANDOM % 10000)))
  project=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"key\":\"$key\",\"name\":\"Bench $key\"}" http://127.0.0.1:8081/api/projects | sed -E 's/.*"id":"([^"]+)".*/\1/')
  until curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:8082/api/suites?projectId=$project" 2>/dev/null; do
    sleep 0.2
  done
  echo "$project"
}
