#!/usr/bin/env bash
# WebSocket bench: SOCKETS authenticated sockets on one notification-service instance (its RSS
# and CPU at rest), SUBSCRIBERS of them following one project, and EVENTS project events
# published on Kafka: publish→socket latency over every delivery, and the spread between the
# first and the last subscriber of each event. Prints RESULT lines; docs/benchmarks.md quotes them.
#
#   bench/notification.sh [SOCKETS] [SUBSCRIBERS] [EVENTS] [GAP_MS]   (defaults 10000 1000 50 200)
#
# Needs the infrastructure (scripts/stack.sh infra). The service runs on port 18086 with the test
# profile (the test database and topics), trusting a key pair made for this run, so it never
# touches the local stack's ports or data; the socket settings are production's (the test profile
# closes a socket not authenticated within 1 s, and rechecks ended sessions every second).
# TESTTRACK_JAVA_OPTS replaces the service's JVM options
# (a GC log, a DEBUG category: the activity consumer logs where each batch's time went), and
# TESTTRACK_BENCH_LOG=<file> keeps the service's log there. Events whose first subscriber waited
# over 200 ms are listed on stderr with the time they were sent.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SOCKETS=${1:-10000}
SUBSCRIBERS=${2:-1000}
EVENTS=${3:-50}
GAP_MS=${4:-200}
PORT=18086
listening() { (exec 3<>"/dev/tcp/localhost/$1") 2>/dev/null; }
if ! listening 5432 || ! listening 6379 || ! listening 9092; then
  scripts/stack.sh infra >/dev/null
fi
mvn -q -B -o -pl common,events,platform,notification-service,bench package -DskipTests
WORK=$(mktemp -d)
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
java ${TESTTRACK_JAVA_OPTS:--Xms64m -Xmx256m -Xmn48m -XX:+UseSerialGC -Xss512k} -Dquarkus.profile=test -Dquarkus.http.port=$PORT \
  -Dnotification.live.auth-timeout=PT10S -Dnotification.live.revocation-recheck=2s \
  -Dmp.jwt.verify.publickey.location="file://$WORK/public.pem" -Dquarkus.log.level=WARN \
  -jar notification-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; [ -z "${TESTTRACK_BENCH_LOG:-}" ] || cp "$WORK/service.log" "$TESTTRACK_BENCH_LOG"; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do
  curl -fs "localhost:$PORT/q/health/ready" >/dev/null && break
  sleep 0.5
done
curl -fs "localhost:$PORT/q/health/ready" >/dev/null || { tail -50 "$WORK/service.log"; exit 1; }
echo "RESULT mode=idle rss_mb=$(( $(grep VmRSS /proc/$SERVICE/status | tr -dc 0-9) / 1024 ))"
java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "bench/target/quarkus-app/app/*:bench/target/quarkus-app/lib/main/*:bench/target/quarkus-app/lib/boot/*" io.testtrack.bench.SocketFanoutBench \
  $PORT $SERVICE "$WORK/private.pem" "$SOCKETS" "$SUBSCRIBERS" "$EVENTS" "$GAP_MS" | grep RESULT
