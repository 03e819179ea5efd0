package io.testtrack.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.testtrack.platform.probe.ProbeConsumer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A consumer transaction that never completes, and one whose database connection is killed in
 * the middle: each is rolled back, tried again, and applied once, with nothing left open and
 * nothing parked. Both the record-at-a-time and the poll-at-a-time consumer are checked.
 */
@QuarkusTest
class ConsumerDeadlinesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void aTransactionPastItsDeadlineIsEndedRolledBackAndTriedAgain() {
        String aggregate = "hang-" + UUID.randomUUID();
        List<String> ids = publish(aggregate);

        appliedOnceByBoth(aggregate, ids.get(0));
        // PostgreSQL ended the stalled transaction's session: nothing of this consumer waits in a transaction
        assertEquals(0L, count("SELECT count(*) FROM pg_stat_activity WHERE usename = current_user "
                + "AND state = 'idle in transaction' AND now() - state_change > interval '5 seconds'"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("testtrack_consumer_oldest_unapplied_seconds{consumer=\"probe\"}"),
                "each consumer's oldest unapplied event is a gauge");
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aConnectionKilledUnderATransactionLosesNothingAndAppliesNothingTwice() {
        String aggregate = "kill-" + UUID.randomUUID();
        List<String> ids = publish(aggregate);

        appliedOnceByBoth(aggregate, ids.get(0));
    }

    @Test
    void aFailureOfAMomentThatNeverPassesIsParkedAfterTheRetryLimit() {
        String aggregate = "never-" + UUID.randomUUID();
        String id = publish(aggregate).get(0);

        for (String consumer : List.of(ProbeConsumer.CONSUMER, ProbeConsumer.BATCH_CONSUMER)) {
            Awaitility.await().atMost(TIMEOUT).until(() -> count(
                    "SELECT count(*) FROM parked_event WHERE consumer = $1 AND event_id = $2", consumer, id) == 1);
            assertEquals(1L, count("SELECT count(*) FROM parked_event WHERE consumer = $1 AND event_id = $2 "
                    + "AND failure LIKE '%retry limit%' AND failure LIKE '%40001%'", consumer, id));
            assertTrue(ProbeConsumer.TRIES.get(consumer + "/" + id) > 3, "retried before it was parked");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private void appliedOnceByBoth(String aggregate, String eventId) {
        for (String table : List.of("probe_applied", "probe_applied_batch")) {
            Awaitility.await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM " + table + " WHERE aggregate = $1",
                    aggregate) == 1);
        }
        for (String consumer : List.of(ProbeConsumer.CONSUMER, ProbeConsumer.BATCH_CONSUMER)) {
            assertTrue(ProbeConsumer.TRIES.get(consumer + "/" + eventId) >= 2, consumer + " tried it again after the failure");
            assertEquals(1L, count("SELECT count(*) FROM inbox WHERE consumer = $1 AND event_id = $2", consumer, eventId));
            assertEquals(0L, count("SELECT count(*) FROM parked_event WHERE consumer = $1 AND event_id = $2", consumer, eventId));
        }
        // the first try's write was rolled back with its transaction: one row each, not two
        assertEquals(1L, count("SELECT count(*) FROM probe_applied WHERE event_id = $1", eventId));
        assertEquals(1L, count("SELECT count(*) FROM probe_applied_batch WHERE event_id = $1", eventId));
    }

    private static List<String> publish(String aggregate) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("aggregate", aggregate, "from", 0, "count", 1, "failAfterRecording", false))
                .post("/probe/events").then().statusCode(200).extract().jsonPath().getList(".", String.class);
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
