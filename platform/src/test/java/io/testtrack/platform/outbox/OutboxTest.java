package io.testtrack.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.common.annotation.Identifier;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.correlation.CorrelationId;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.testtrack.platform.probe.KillableCheckpoint;
import io.testtrack.platform.probe.ProbeConsumer;
import io.testtrack.platform.probe.ProbeRecorded;
import io.testtrack.platform.testing.WireTap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    private static final Duration WIRE_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    KillableCheckpoint checkpoint;

    @Inject
    Vertx vertx;

    @Inject
    PlatformConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    @Inject
    DedicatedConnections connections;

    @Test
    void anEventWhoseTransactionRollsBackIsNeverPublished() {
        String aggregate = "rollback-" + UUID.randomUUID();
        try (WireTap wire = new WireTap(ProbeRecorded.TOPIC)) {
            record(aggregate, 0, 1, true).statusCode(409);
            List<String> committed = record(aggregate, 1, 1, false).statusCode(200).extract().jsonPath().getList(".");

            // Same key, same partition: had the rolled-back event gone out, it would precede this one.
            List<ConsumerRecord<String, String>> seen = wire.until(r -> ids(r).containsAll(committed), WIRE_TIMEOUT);

            List<EventEnvelope> forAggregate = envelopes(seen).stream().filter(e -> aggregate.equals(e.subject())).toList();
            assertEquals(1, forAggregate.size(), "only the committed event is on the wire");
            assertEquals(1, forAggregate.get(0).data().get("seq").asInt());
            assertEquals(1L, count("SELECT count(*) FROM outbox WHERE message_key = $1", aggregate));
        }
    }

    @Test
    void committedEventsArePublishedOnceWithTheirRequestId() {
        String aggregate = "once-" + UUID.randomUUID();
        String requestId = "ci-build-" + UUID.randomUUID();
        try (WireTap wire = new WireTap(ProbeRecorded.TOPIC)) {
            List<String> ids = given().header(CorrelationId.HEADER, requestId).contentType(ContentType.JSON)
                    .body(Map.of("aggregate", aggregate, "from", 0, "count", 20, "failAfterRecording", false))
                    .post("/probe/events").then().statusCode(200).extract().jsonPath().getList(".");

            wire.until(r -> ids(r).containsAll(ids), WIRE_TIMEOUT);
            List<ConsumerRecord<String, String>> seen = wire.drainFor(Duration.ofSeconds(1));

            Map<String, Long> copies = ids(seen).stream().filter(ids::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(20, copies.size());
            assertTrue(copies.values().stream().allMatch(n -> n == 1), "each event exactly once: " + copies);
            ConsumerRecord<String, String> first = seen.stream().filter(r -> aggregate.equals(r.key())).findFirst().orElseThrow();
            assertEquals(requestId, WireTap.header(first, CorrelationId.HEADER));
            assertEquals("testtrack.platform-test.ProbeRecorded", WireTap.header(first, "ce_type"));
            // tests publish under their own prefix: a local stack on the same broker never sees them
            assertEquals("test." + ProbeRecorded.TOPIC, first.topic());
            assertEquals(0L, count("SELECT count(*) FROM outbox WHERE message_key = $1 AND published_at IS NULL", aggregate));

            // The consumer logs under the same request id as the request that caused the events.
            Awaitility.await().atMost(WIRE_TIMEOUT).until(() -> ProbeConsumer.REQUEST_IDS.keySet().containsAll(ids));
            ids.forEach(id -> assertEquals(requestId, ProbeConsumer.REQUEST_IDS.get(id)));
        }
    }

    @Test
    void aRelayThatDiesBetweenPublishingAndMarkingCausesADuplicateThatTheInboxDrops() {
        String aggregate = "crash-" + UUID.randomUUID();
        try (WireTap wire = new WireTap(ProbeRecorded.TOPIC)) {
            checkpoint.killNextBatch();
            List<String> ids = record(aggregate, 0, 3, false).statusCode(200).extract().jsonPath().getList(".");

            List<ConsumerRecord<String, String>> seen = wire.until(
                    r -> ids.stream().allMatch(id -> ids(r).stream().filter(id::equals).count() >= 2), WIRE_TIMEOUT);
            assertTrue(checkpoint.fired());
            assertTrue(ids(seen).stream().filter(ids::contains).count() >= 6, "every event went out twice");

            Awaitility.await().atMost(WIRE_TIMEOUT).until(
                    () -> ids.stream().allMatch(id -> ProbeConsumer.DELIVERIES.getOrDefault(id, 0) >= 2));
            assertEquals(3L, count("SELECT count(*) FROM probe_applied WHERE aggregate = $1", aggregate),
                    "the consumer applied each event once");
            assertEquals(3L, count("SELECT count(*) FROM inbox WHERE consumer = 'probe' AND event_id = ANY($1)",
                    ids.toArray(String[]::new)));
        }
    }

    @Test
    void orderPerAggregateHoldsOverAThousandEvents() {
        String run = UUID.randomUUID().toString();
        List<String> aggregates = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            aggregates.add("order-" + a + "-" + run);
        }
        try (WireTap wire = new WireTap(ProbeRecorded.TOPIC)) {
            // 1,000 events: 10 aggregates × 100, written in 20 interleaved transactions of 50.
            for (int round = 0; round < 2; round++) {
                for (String aggregate : aggregates) {
                    record(aggregate, round * 50, 50, false).statusCode(200);
                }
            }
            Map<String, List<Integer>> sequences = sequences(wire, run, 1_000);
            assertEquals(10, sequences.size());
            List<Integer> expected = java.util.stream.IntStream.range(0, 100).boxed().toList();
            sequences.forEach((aggregate, seqs) -> assertEquals(expected, seqs, "order of " + aggregate));
        }
    }

    @Test
    void aBulkRecordSpanningSeveralStatementsIsPublishedOnceAndInOrderOrNotAtAll() {
        String run = UUID.randomUUID().toString();
        List<Map<String, Object>> batches = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            batches.add(Map.of("aggregate", "bulk-" + a + "-" + run, "from", 0, "count", 500, "failAfterRecording", false));
        }
        String rolledBack = "bulk-rolled-back-" + run;
        try (WireTap wire = new WireTap(ProbeRecorded.TOPIC)) {
            given().contentType(ContentType.JSON)
                    .body(List.of(Map.of("aggregate", rolledBack, "from", 0, "count", 1_500, "failAfterRecording", true)))
                    .post("/probe/events/bulk").then().statusCode(409);
            // 2,500 events, interleaved over five aggregates: three statements of the bulk path.
            given().contentType(ContentType.JSON).body(batches).post("/probe/events/bulk").then().statusCode(204);

            Map<String, List<Integer>> sequences = sequences(wire, run, 2_500);
            List<Integer> expected = java.util.stream.IntStream.range(0, 500).boxed().toList();
            assertEquals(5, sequences.size(), "nothing of the rolled-back bulk went out: " + sequences.keySet());
            sequences.forEach((aggregate, seqs) -> assertEquals(expected, seqs, "once and in order for " + aggregate));
            assertEquals(0L, count("SELECT count(*) FROM outbox WHERE message_key = $1", rolledBack));
        }
    }

    @Test
    void twoRelaysOverOneOutboxPublishEachRowOnceAndInOrder() {
        OutboxRelay secondReplica = new OutboxRelay(vertx, config, kafkaConfig, ids -> { }, registry, connections);
        String run = UUID.randomUUID().toString();
        try (WireTap wire = new WireTap(ProbeRecorded.TOPIC)) {
            secondReplica.start();
            for (int round = 0; round < 10; round++) {
                for (int a = 0; a < 5; a++) {
                    record("replica-" + a + "-" + run, round * 10, 10, false).statusCode(200);
                }
            }
            Map<String, List<Integer>> sequences = sequences(wire, run, 500);
            List<Integer> expected = java.util.stream.IntStream.range(0, 100).boxed().toList();
            assertEquals(5, sequences.size());
            sequences.forEach((aggregate, seqs) -> assertEquals(expected, seqs, "once and in order for " + aggregate));
        } finally {
            secondReplica.stop();
        }
    }

    @Test
    void recordingOutsideATransactionIsRefusedAndWritesNothing() {
        String aggregate = "untransacted-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("aggregate", aggregate, "from", 0, "count", 1, "failAfterRecording", false))
                .post("/probe/events/untransacted").then().statusCode(500);
        assertEquals(0L, count("SELECT count(*) FROM outbox WHERE message_key = $1", aggregate));
    }

    private static io.restassured.response.ValidatableResponse record(String aggregate, int from, int count, boolean fail) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("aggregate", aggregate, "from", from, "count", count, "failAfterRecording", fail))
                .post("/probe/events").then();
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /**
     * Waits for {@code count} events of aggregates whose names end with {@code run}, keeps reading
     * a second more (a duplicate would show), and answers each aggregate's sequence numbers in
     * the order they arrived.
     */
    private static Map<String, List<Integer>> sequences(WireTap wire, String run, int count) {
        wire.until(r -> r.stream().filter(rec -> rec.key() != null && rec.key().endsWith(run)).count() >= count, Duration.ofSeconds(60));
        Map<String, List<Integer>> sequences = new HashMap<>();
        for (EventEnvelope envelope : envelopes(wire.drainFor(Duration.ofSeconds(1)))) {
            if (envelope.subject().endsWith(run)) {
                sequences.computeIfAbsent(envelope.subject(), k -> new ArrayList<>()).add(envelope.data().get("seq").asInt());
            }
        }
        return sequences;
    }

    private static List<EventEnvelope> envelopes(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventCodec.read(r.value())).toList();
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> WireTap.header(r, "ce_id")).toList();
    }
}
