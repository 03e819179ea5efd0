package io.testtrack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer on its own thread that notes when each event of one bench run arrives. It reads
 * every partition from the end as of its creation, outside any consumer group.
 */
final class Receiver implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String runPrefix;
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicLong valueBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean open = true;

    Receiver(String topic, String run) {
        this.runPrefix = run + "-";
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-receiver-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::poll, "bench-receiver");
        thread.start();
    }

    private void poll() {
        while (open) {
            var records = consumer.poll(Duration.ofMillis(50));
            long now = System.nanoTime();
            records.forEach(r -> {
                if (r.key() != null && r.key().startsWith(runPrefix)) {
                    Header id = r.headers().lastHeader("ce_id");
                    receivedAt.putIfAbsent(new String(id.value(), StandardCharsets.UTF_8), now);
                    valueBytes.addAndGet(r.value().length());
                }
            });
        }
        consumer.close(Duration.ofSeconds(2));
    }

    void awaitCount(int events, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receivedAt.size() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("received " + receivedAt.size() + " of " + events + " within " + timeout);
            }
            Thread.sleep(2);
        }
    }

    double averageValueBytes() {
        return receivedAt.isEmpty() ? 0 : (double) valueBytes.get() / receivedAt.size();
    }

    /** Commit → receipt in microseconds for every event with both times. */
    Histogram latencies(Map<String, Long> committedAt) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        committedAt.forEach((id, committed) -> {
            Long received = receivedAt.get(id);
            if (received != null) {
                histogram.recordValue(Math.max(0, (received - committed) / 1000));
            }
        });
        return histogram;
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        thread.join(5000);
    }
}
