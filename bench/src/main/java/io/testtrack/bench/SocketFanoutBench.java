package io.testtrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCatalog;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.ProjectCreated;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Many authenticated sockets on one notification-service instance: its memory and CPU at rest,
 * and how long one project event takes to reach every subscriber.
 *
 * <pre>
 *   SocketFanoutBench PORT PID PRIVATE_KEY SOCKETS SUBSCRIBERS EVENTS [GAP_MS]
 * </pre>
 * The service runs with the test profile (test topics) and trusts the key pair's public half.
 * Prints RESULT lines.
 */
public final class SocketFanoutBench {

    private static final int BATCH = 250;
    /** An event whose first subscriber waited longer than this is listed on stderr. */
    private static final long SLOW_MICROS = 200_000;

    private SocketFanoutBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(Path.of(args[2])));
        int sockets = Integer.parseInt(args[3]);
        int subscribers = Integer.parseInt(args[4]);
        int events = Integer.parseInt(args[5]);
        long gapMillis = args.length > 6 ? Long.parseLong(args[6]) : 200;

        UUID project = UUID.randomUUID();
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            users.add(UUID.randomUUID());
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            publish(kafka, new ProjectCreated(project, "BENCH", "Socket bench", users.get(0)));
            for (UUID user : users.subList(0, subscribers)) {
                publish(kafka, new MemberAdded(project, user, ProjectRole.VIEWER, users.get(0)));
            }
            kafka.flush();

            Vertx vertx = Vertx.vertx();
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sockets + 10)
                    .setConnectTimeout(30_000));
            Map<String, Long> arrivals = new ConcurrentHashMap<>();
            Map<String, Histogram> perEvent = new ConcurrentHashMap<>();
            List<WebSocket> open = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch subscribed = new CountDownLatch(subscribers);
            java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
            long connectStart = System.nanoTime();
            // in batches, each ready before the next starts: thousands of handshakes at once only queue
            for (int batch = 0; batch < sockets; batch += BATCH) {
                int end = Math.min(sockets, batch + BATCH);
                CountDownLatch ready = new CountDownLatch(end - batch);
                for (int i = batch; i < end; i++) {
                    UUID user = users.get(i);
                    boolean subscriber = i < subscribers;
                    String token = Jwt.issuer("testtrack-auth").audience("testtrack-api").subject(user.toString()).upn(user + "@bench.example")
                            .groups(Set.of("TESTER")).expiresIn(3600).sign(key);
                    client.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/ws")).onComplete(result -> {
                        if (result.failed()) {
                            failed.incrementAndGet();
                            ready.countDown();
                            return;
                        }
                        WebSocket ws = result.result();
                        open.add(ws);
                        ws.textMessageHandler(text -> {
                            long now = System.nanoTime();
                            JsonNode message = read(text);
                            switch (message.path("type").asText()) {
                                case "ready" -> {
                                    ready.countDown();
                                    if (subscriber) {
                                        ws.writeTextMessage("{\"type\":\"subscribe\",\"channel\":\"project:" + project + "\"}");
                                    }
                                }
                                case "subscribed" -> subscribed.countDown();
                                case "error" -> vertx.setTimer(500, t -> ws.writeTextMessage(
                                        "{\"type\":\"subscribe\",\"channel\":\"project:" + project + "\"}"));
                                case "event" -> {
                                    String id = message.at("/event/id").asText();
                                    Long sent = arrivals.get(id);
                                    if (sent != null) {
                                        perEvent.computeIfAbsent(id, x -> new Histogram(3)).recordValue(Math.max(1, (now - sent) / 1000));
                                    }
                                }
                                default -> { }
                            }
                        });
                        ws.writeTextMessage("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
                    });
                }
                if (!ready.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("sockets " + batch + ".." + end + " not ready: " + ready.getCount() + " left");
                }
                System.err.printf("%d sockets ready, %d failed%n", end, failed.get());
            }
            if (!subscribed.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not subscribed: " + subscribed.getCount());
            }
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            System.out.printf("RESULT mode=connect sockets=%d open=%d failed=%d subscribers=%d seconds=%.1f%n", sockets, open.size(),
                    failed.get(), subscribers, connectSeconds);

            // The test topics are shared: the service may first have a backlog of other runs' events
            // to work off. A probe event reaching a subscriber says it has caught up.
            EventEnvelope probe = stepResult(project, users.get(0));
            arrivals.put(probe.id(), System.nanoTime());
            send(kafka, probe);
            long caughtUpBy = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!perEvent.containsKey(probe.id()) && System.nanoTime() < caughtUpBy) {
                Thread.sleep(100);
            }
            System.err.printf("caught up on the topics' backlog in %.1f s%n", (System.nanoTime() - arrivals.get(probe.id())) / 1e9);
            Thread.sleep(5_000);
            long rssBefore = rssKb(pid);
            long cpuBefore = cpuTicks(pid);
            Thread.sleep(10_000);
            long cpuAfter = cpuTicks(pid);
            System.out.printf("RESULT mode=rest sockets=%d rss_mb=%.0f cpu_percent_at_rest=%.1f%n", open.size(), rssBefore / 1024.0,
                    (cpuAfter - cpuBefore) / 100.0 / 10.0 * 100);

            Histogram all = new Histogram(3);
            Histogram spread = new Histogram(3);
            for (int e = 0; e < events; e++) {
                EventEnvelope envelope = stepResult(project, users.get(0));
                Instant sentAt = Instant.now();
                arrivals.put(envelope.id(), System.nanoTime());
                send(kafka, envelope);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline && (perEvent.get(envelope.id()) == null
                        || perEvent.get(envelope.id()).getTotalCount() < subscribers)) {
                    Thread.sleep(5);
                }
                Histogram one = perEvent.getOrDefault(envelope.id(), new Histogram(3));
                all.add(one);
                if (one.getTotalCount() == 0 || one.getMinValue() > SLOW_MICROS) {
                    // with its time, to set against the service's log (GC, consumer timings)
                    System.err.printf("slow event %d sent at %s: first subscriber after %.1f ms, %d deliveries%n", e, sentAt,
                            one.getTotalCount() == 0 ? Double.NaN : one.getMinValue() / 1000.0, one.getTotalCount());
                }
                if (one.getTotalCount() > 0) {
                    spread.recordValue(Math.max(1, one.getMaxValue() - one.getMinValue()));
                }
                Thread.sleep(gapMillis);
            }
            System.out.printf("RESULT mode=fanout subscribers=%d events=%d deliveries=%d publish_to_socket_ms p50=%.1f p95=%.1f p99=%.1f max=%.1f "
                            + "first_to_last_subscriber_ms p50=%.1f p95=%.1f%n", subscribers, events, all.getTotalCount(),
                    all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(95) / 1000.0, all.getValueAtPercentile(99) / 1000.0,
                    all.getMaxValue() / 1000.0, spread.getValueAtPercentile(50) / 1000.0, spread.getValueAtPercentile(95) / 1000.0);
            open.forEach(WebSocket::close);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static EventEnvelope stepResult(UUID project, UUID by) {
        return EventCodec.envelope(new StepResultRecorded(UUID.randomUUID(), UUID.randomUUID(), project, 1, StepStatus.PASS, by, null,
                null, null, null, null, null, null, null), "/testtrack/execution-service", Instant.now(), "bench");
    }

    private static void publish(KafkaProducer<String, String> kafka, DomainEvent event) throws Exception {
        send(kafka, EventCodec.envelope(event, "/testtrack/auth-service", Instant.now(), "bench"));
    }

    private static void send(KafkaProducer<String, String> kafka, EventEnvelope envelope) throws Exception {
        String topic = "test." + EventCatalog.byType(envelope.type()).map(type -> EventCatalog.describe(type).topic()).orElseThrow();
        kafka.send(new ProducerRecord<>(topic, envelope.subject(), EventCodec.write(envelope))).get();
    }

    private static JsonNode read(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** utime + stime of the process, in clock ticks (100 a second on Linux). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
