#!/usr/bin/env bash
# Outbox benchmark: relay throughput for 10k and 100k events, end-to-end throughput and latency
# with writers and relay at once, commit→consumer latency at 1,000 events/s, and in the same run
# the ceiling: Kafka's own ProducerPerformance tool against the same broker with the same
# record size and acks=all. Prints RESULT lines; docs/benchmarks.md quotes them.
#
#   bench/outbox.sh            (needs the infrastructure: scripts/stack.sh infra)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/stack.sh infra >/dev/null
mvn -q -B -pl bench -am package -DskipTests
APP=(java -Xmx512m -jar bench/target/quarkus-app/quarkus-run.jar)

"${APP[@]}" throughput 10000 | grep RESULT
"${APP[@]}" throughput 100000 | grep RESULT
"${APP[@]}" concurrent 100000 | grep RESULT
"${APP[@]}" latency 1000 30 | grep RESULT

for n in 10000 100000; do
  line=$(java -Xmx512m -cp ".stack/kafka/libs/*" -Dlog4j2.configurationFile=".stack/kafka/log4j2.properties" \
    org.apache.kafka.tools.ProducerPerformance --topic testtrack.bench.v1 --num-records $n --record-size 700 \
    --throughput -1 --producer-props bootstrap.servers=localhost:9092 acks=all enable.idempotence=true linger.ms=2 \
    batch.size=131072 2>/dev/null | tail -n 1)
  echo "RESULT mode=kafka-producer-perf events=$n $line"
done
