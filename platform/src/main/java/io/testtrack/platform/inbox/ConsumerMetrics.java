package io.testtrack.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far behind each consumer is, as gauges to alert on:
 * {@code testtrack_consumer_oldest_unapplied_seconds{consumer}}, the age (since it was written to
 * the broker) of the oldest event the consumer is applying now, 0 when it is idle. It grows while
 * a poll is slow, retried or stuck, and rises with lag when the consumer falls behind; and
 * {@code testtrack_consumer_deadlines_passed_total{consumer}}, transactions ended at their deadline,
 * each one a change that stalled (never expected: a bug to look into).
 */
@ApplicationScoped
public class ConsumerMetrics {

    private final MeterRegistry registry;
    /** Per consumer: when the oldest event in flight was written to the broker (epoch ms), 0 when idle. */
    private final Map<String, AtomicLong> oldestInFlight = new ConcurrentHashMap<>();

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void started(String consumer, long oldestWrittenAt) {
        slot(consumer).set(oldestWrittenAt);
    }

    void finished(String consumer) {
        slot(consumer).set(0);
    }

    void deadlinePassed(String consumer) {
        io.micrometer.core.instrument.Counter.builder("testtrack.consumer.deadlines.passed")
                .description("Consumer transactions ended at their deadline: changes that stalled")
                .tag("consumer", consumer)
                .register(registry)
                .increment();
    }

    /** Seconds since the oldest event in flight was written, 0 when none is. */
    public double oldestUnappliedSeconds(String consumer) {
        long since = slot(consumer).get();
        return since == 0 ? 0 : Math.max(0, System.currentTimeMillis() - since) / 1000.0;
    }

    private AtomicLong slot(String consumer) {
        return oldestInFlight.computeIfAbsent(consumer, name -> {
            AtomicLong slot = new AtomicLong();
            Gauge.builder("testtrack.consumer.oldest.unapplied", this, metrics -> metrics.oldestUnappliedSeconds(name))
                    .description("Age in seconds of the oldest event the consumer is applying now (0 when idle)")
                    .baseUnit("seconds")
                    .tag("consumer", name)
                    .register(registry);
            return slot;
        });
    }
}
