# Sourced by the benchmarks that compare builds of one service side by side (bench/csv-import.sh,
# bench/discovery.sh, bench/csv-import-limit.sh: testcase-service; bench/case-projection.sh:
# execution-service). In the repository root, with the stack's environment:
#   BENCH_MODULE=execution-service BENCH_PORT=8083; . bench/service-builds.sh
#   for app in $(bench_builds); do use_build "$app"; …; done
# BENCH_MODULE and BENCH_PORT name the service (default testcase-service on 8082).
# BENCH_APPS="<dir> <dir> …" names quarkus-app folders (copies of builds, made with cp -a so that
# their class archives stay valid); without it, the built one. At exit the built one is put back
# and the service restarted from it.
# Starts the stack if needed and builds the bench module first.
BENCH_MODULE=${BENCH_MODULE:-testcase-service}
BENCH_PORT=${BENCH_PORT:-8082}
scripts/stack.sh up >/dev/null
eval "$(scripts/stack.sh env)"
mvn -q -B -pl bench -am package -DskipTests
BUILD_APP=$BENCH_MODULE/target/quarkus-app
BUILT=$(mktemp -d)
cp -a "$BUILD_APP" "$BUILT/quarkus-app"
trap 'rm -rf "$BUILD_APP" && mv "$BUILT/quarkus-app" "$BUILD_APP" && rm -rf "$BUILT"; restart_service' EXIT

bench_builds() {
  echo "${BENCH_APPS:-$BUILT/quarkus-app}"
}

# Stops the stack's instance of the service, and starts it the stack's way, ready.
restart_service() {
  local pid
  pid=$(cat ".stack/pids/$BENCH_MODULE.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  nohup scripts/run-service.sh "$BENCH_MODULE" >".stack/logs/$BENCH_MODULE.log" 2>&1 &
  echo $! >".stack/pids/$BENCH_MODULE.pid"
  until curl -fsS -o /dev/null "http://127.0.0.1:$BENCH_PORT/q/health/ready" 2>/dev/null; do sleep 0.2; done
}

use_build() {
  rm -rf "$BUILD_APP"
  cp -a "$1" "$BUILD_APP"
  restart_service
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
