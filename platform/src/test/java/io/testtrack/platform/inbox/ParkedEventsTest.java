package io.testtrack.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.testtrack.platform.probe.ProbeConsumer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A consumer whose change fails: for a moment (retried until it goes through), or for good (the
 * event parked with its failure, the events behind it applied, the service still ready). Both the
 * record-at-a-time and the poll-at-a-time consumer of the same topic are checked.
 */
@QuarkusTest
class ParkedEventsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void anEventWhoseChangeAlwaysFailsIsParkedAndTheEventsBehindItAreApplied() {
        String aggregate = "poison-" + UUID.randomUUID();
        // one key, one partition: seq 1 sits between 0 and 2, and 3 comes after all of them
        List<String> ids = publish(aggregate, 0, 3);
        List<String> later = publish(aggregate, 3, 1);

        for (String table : List.of("probe_applied", "probe_applied_batch")) {
            Awaitility.await().atMost(TIMEOUT).until(() -> seqs(table, aggregate).equals(List.of(0, 2, 3)));
        }
        for (String consumer : List.of(ProbeConsumer.CONSUMER, ProbeConsumer.BATCH_CONSUMER)) {
            Awaitility.await().atMost(TIMEOUT).until(() -> parked(consumer, ids.get(1)) != null);
            Row row = parked(consumer, ids.get(1));
            assertEquals("testtrack.platform-test.ProbeRecorded", row.getString("event_type"));
            assertEquals(aggregate, row.getString("subject"));
            assertTrue(row.getString("event").contains(ids.get(1)), "the whole event is kept: " + row.getString("event"));
            assertTrue(row.getString("failure").contains("23505") || row.getString("failure").contains("duplicate key"),
                    "the failure says what went wrong: " + row.getString("failure"));
            // handled: in the inbox, so a redelivery neither applies nor parks it again
            assertEquals(1L, count("SELECT count(*) FROM inbox WHERE consumer = $1 AND event_id = $2", consumer, ids.get(1)));
            assertEquals(1L, count("SELECT count(*) FROM parked_event WHERE consumer = $1 AND subject = $2", consumer, aggregate));
        }
        // its first write rolled back with it
        assertEquals(0L, count("SELECT count(*) FROM probe_applied WHERE event_id = $1", ids.get(1), null));
        assertTrue(later.stream().noneMatch(id -> parkedId(id)), "the event after it was applied, not parked");

        given().get("/q/health/ready").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("testtrack_events_parked_total{consumer=\"probe\"}"), "parked events are counted");
        assertTrue(metrics.contains("testtrack_events_parked_total{consumer=\"probe-batch\"}"), "per consumer");
    }

    @Test
    void aChangeThatFailsForAMomentIsTriedAgainUntilItGoesThrough() {
        String aggregate = "flaky-" + UUID.randomUUID();
        List<String> ids = publish(aggregate, 0, 2);

        for (String table : List.of("probe_applied", "probe_applied_batch")) {
            Awaitility.await().atMost(TIMEOUT).until(() -> seqs(table, aggregate).equals(List.of(0, 1)));
        }
        for (String id : ids) {
            assertEquals(3, ProbeConsumer.TRIES.get(ProbeConsumer.CONSUMER + "/" + id), "two failures, then applied");
            // a poll's events share a transaction: when one fails, the others' changes run again too
            assertTrue(ProbeConsumer.TRIES.get(ProbeConsumer.BATCH_CONSUMER + "/" + id) >= 3);
            for (String consumer : List.of(ProbeConsumer.CONSUMER, ProbeConsumer.BATCH_CONSUMER)) {
                assertNull(parked(consumer, id), "not parked: " + consumer);
            }
        }
    }

    @Test
    void aConsumerThatMustNotPassAnEventByStopsOnItAndWritesNothingOfItsPoll() {
        String stopping = "stop-" + UUID.randomUUID();
        String stopped = "poison-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("consumer", stopping, "aggregate", stopped, "count", 3, "onBadEvent", "STOP"))
                // the failure reaches the caller: here the REST mapper's 409 for a unique violation,
                // from the Kafka connector a stopped channel
                .post("/probe/consume").then().statusCode(409);
        assertEquals(List.of(), seqs("probe_applied", stopped), "the poll's changes rolled back with it");
        assertEquals(0L, count("SELECT count(*) FROM inbox WHERE consumer = $1", stopping, null), "all of it comes again");
        assertEquals(0L, count("SELECT count(*) FROM parked_event WHERE consumer = $1", stopping, null));

        // the same poll for a consumer that parks: the good events applied, the bad one set aside
        String parking = "park-" + UUID.randomUUID();
        String parked = "poison-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("consumer", parking, "aggregate", parked, "count", 3, "onBadEvent", "PARK"))
                .post("/probe/consume").then().statusCode(204);
        assertEquals(List.of(0, 2), seqs("probe_applied", parked));
        assertEquals(1L, count("SELECT count(*) FROM parked_event WHERE consumer = $1", parking, null));
        assertEquals(3L, count("SELECT count(*) FROM inbox WHERE consumer = $1", parking, null));
    }

    private static List<String> publish(String aggregate, int from, int count) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("aggregate", aggregate, "from", from, "count", count, "failAfterRecording", false))
                .post("/probe/events").then().statusCode(200).extract().jsonPath().getList(".", String.class);
    }

    private List<Integer> seqs(String table, String aggregate) {
        List<Integer> seqs = new ArrayList<>();
        pool.preparedQuery("SELECT seq FROM " + table + " WHERE aggregate = $1 ORDER BY seq").execute(Tuple.of(aggregate))
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> seqs.add(row.getInteger(0)));
        return seqs;
    }

    private Row parked(String consumer, String eventId) {
        var rows = pool.preparedQuery("SELECT * FROM parked_event WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(consumer, eventId)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private boolean parkedId(String eventId) {
        return count("SELECT count(*) FROM parked_event WHERE event_id = $1", eventId, null) > 0;
    }

    private long count(String sql, String first, String second) {
        Tuple parameters = second == null ? Tuple.of(first) : Tuple.of(first, second);
        return pool.preparedQuery(sql).execute(parameters).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
