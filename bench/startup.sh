#!/usr/bin/env bash
# Start-up benchmark: for each service in JVM mode, started as the stack starts it
# (scripts/run-service.sh: its JVM options and AppCDS archive), the time from `java -jar` to the first
# 200 of /q/health/ready (/q/health/live for the gateway, whose readiness needs the others), and the
# resident memory after 10 s idle. Then the whole stack's time
# from `scripts/stack.sh up` (infrastructure already installed, services built) to all ready.
#
#   bench/startup.sh           (stops the services of a running stack first)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/stack.sh down >/dev/null
# the stack's build: jars and class archives (the archives need the infrastructure, which this starts)
scripts/stack.sh build >/dev/null
eval "$(scripts/stack.sh env)"

now_ms() { date +%s%3N; }

for spec in auth-service:8081 testcase-service:8082 execution-service:8083 defect-service:8084 \
            analytics-service:8085 notification-service:8086 gateway:8080; do
  name=${spec%%:*}; port=${spec##*:}
  start=$(now_ms)
  scripts/run-service.sh "$name" >/tmp/testtrack-bench-$name.log 2>&1 &
  pid=$!
  # The gateway is ready only when the services behind it are; started alone, it is timed to live.
  check=ready; [ "$name" = gateway ] && check=live
  until curl -fsS "http://127.0.0.1:$port/q/health/$check" >/dev/null 2>&1; do sleep 0.02; done
  ready=$(( $(now_ms) - start ))
  sleep 10
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "RESULT service=$name ready_ms=$ready idle_rss_mb=$((rss_kb / 1024))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

start=$(now_ms)
scripts/stack.sh up >/dev/null
echo "RESULT stack_up_ms=$(( $(now_ms) - start ))"
scripts/stack.sh down >/dev/null
