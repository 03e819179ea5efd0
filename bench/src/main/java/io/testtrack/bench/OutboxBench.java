package io.testtrack.bench;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.outbox.OutboxRelay;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Measures the transactional outbox end to end against the real PostgreSQL and Kafka.
 *
 * <pre>
 *   throughput N       record N events (500 per transaction) with the relay stopped, then start
 *                      it and time until a consumer has received all N: the relay's events/s
 *   concurrent N       writers and relay at once: N events from the first commit to the last
 *                      receipt, and commit→receive latency under that load
 *   latency RATE SECS  one event per transaction at RATE/s for SECS: commit→receive p50/p99
 * </pre>
 */
@QuarkusMain
public class OutboxBench implements QuarkusApplication {

    private static final String PADDING = "x".repeat(300);

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Pool pool;

    public OutboxBench(Outbox outbox, OutboxRelay relay, Pool pool) {
        this.outbox = outbox;
        this.relay = relay;
        this.pool = pool;
    }

    @Override
    public int run(String... args) throws Exception {
        pool.query("DELETE FROM outbox").execute().await().atMost(Duration.ofMinutes(1));
        switch (args.length == 0 ? "" : args[0]) {
            case "throughput" -> throughput(Integer.parseInt(args[1]));
            case "concurrent" -> concurrent(Integer.parseInt(args[1]));
            case "latency" -> latency(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println("usage: throughput N | concurrent N | latency RATE SECONDS");
                return 2;
            }
        }
        return 0;
    }

    private void throughput(int events) throws Exception {
        String run = UUID.randomUUID().toString();
        long recordStart = System.nanoTime();
        recordInBatches(run, events, 500, null);
        double recordSeconds = seconds(System.nanoTime() - recordStart);

        try (Receiver receiver = new Receiver(BenchEventRecorded.TOPIC, run)) {
            long start = System.nanoTime();
            relay.start();
            receiver.awaitCount(events, Duration.ofMinutes(10));
            double relaySeconds = seconds(System.nanoTime() - start);
            report("throughput", events, Map.of(
                    "recorded_events_per_s", events / recordSeconds,
                    "relayed_events_per_s", events / relaySeconds,
                    "relay_seconds", relaySeconds,
                    "avg_value_bytes", receiver.averageValueBytes()));
        } finally {
            relay.stop();
        }
    }

    private void concurrent(int events) throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, Long> committed = new ConcurrentHashMap<>();
        try (Receiver receiver = new Receiver(BenchEventRecorded.TOPIC, run)) {
            relay.start();
            long start = System.nanoTime();
            recordInBatches(run, events, 100, committed);
            receiver.awaitCount(events, Duration.ofMinutes(10));
            double seconds = seconds(System.nanoTime() - start);
            Histogram latency = receiver.latencies(committed);
            report("concurrent", events, Map.of(
                    "end_to_end_events_per_s", events / seconds,
                    "p50_ms", latency.getValueAtPercentile(50) / 1000.0,
                    "p99_ms", latency.getValueAtPercentile(99) / 1000.0,
                    "max_ms", latency.getMaxValue() / 1000.0));
        } finally {
            relay.stop();
        }
    }

    private void latency(int rate, int secondsToRun) throws Exception {
        String run = UUID.randomUUID().toString();
        int events = rate * secondsToRun;
        Map<String, Long> committed = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (Receiver receiver = new Receiver(BenchEventRecorded.TOPIC, run)) {
            relay.start();
            AtomicLong seq = new AtomicLong();
            long periodNanos = 1_000_000_000L / rate;
            // One transaction per event, paced; commits complete asynchronously on the event loop.
            ticker.scheduleAtFixedRate(() -> {
                long n = seq.getAndIncrement();
                if (n >= events) {
                    return;
                }
                VertxContextSupport.subscribe(() -> Panache.withTransaction(() -> outbox.record(event(run, n))).toMulti(),
                        s -> s.with(envelope -> committed.put(envelope.id(), System.nanoTime()),
                                failure -> failures.incrementAndGet()));
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            receiver.awaitCount(events, Duration.ofSeconds(secondsToRun + 120L));
            ticker.shutdownNow();
            Histogram latency = receiver.latencies(committed);
            report("latency", events, Map.of(
                    "rate_per_s", (double) rate,
                    "p50_ms", latency.getValueAtPercentile(50) / 1000.0,
                    "p90_ms", latency.getValueAtPercentile(90) / 1000.0,
                    "p99_ms", latency.getValueAtPercentile(99) / 1000.0,
                    "max_ms", latency.getMaxValue() / 1000.0,
                    "failed_commits", (double) failures.get()));
        } finally {
            ticker.shutdownNow();
            relay.stop();
        }
    }

    /** Records events in transactions of {@code perTransaction}, noting each commit time if asked. */
    private void recordInBatches(String run, int events, int perTransaction, Map<String, Long> committed) throws Exception {
        for (int from = 0; from < events; from += perTransaction) {
            int start = from;
            int end = Math.min(events, from + perTransaction);
            List<String> ids;
            try {
                ids = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                        Multi.createFrom().range(start, end)
                                .onItem().transformToUniAndConcatenate(n -> outbox.record(event(run, n)))
                                .map(envelope -> envelope.id())
                                .collect().asList()));
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            if (committed != null) {
                long now = System.nanoTime();
                ids.forEach(id -> committed.put(id, now));
            }
        }
    }

    private static BenchEventRecorded event(String run, long n) {
        return new BenchEventRecorded(run + "-" + (n % 64), n, PADDING);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void report(String mode, int events, Map<String, Double> figures) {
        StringBuilder line = new StringBuilder("RESULT mode=" + mode + " events=" + events);
        figures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(' ').append(e.getKey()).append('=')
                        .append(String.format(Locale.ROOT, "%.1f", e.getValue())));
        System.out.println(line);
    }
}
