package io.testtrack.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.testtrack.platform.probe.ProbeConsumer;
import io.testtrack.platform.testing.TestTokens;
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
 * What an administrator does with a parked event, without SQL: find it, read it whole, replay it
 * (it is published again and its consumer, and only its consumer, applies it again: a poison
 * event is parked anew) or discard it. Every replay and discard is written to the outbox for the
 * audit log. Anyone but an administrator is refused.
 */
@QuarkusTest
class ParkedEventsResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ADMIN = TestTokens.valid(UUID.randomUUID(), "ops@shop.example", "ADMIN");

    @Inject
    Pool pool;

    @Test
    void anAdministratorFindsReadsReplaysAndDiscardsAParkedEvent() {
        String aggregate = "poison-" + UUID.randomUUID();
        String poisoned = publish(aggregate).get(1);
        Awaitility.await().atMost(TIMEOUT).until(() -> parkedId(ProbeConsumer.CONSUMER, poisoned) != null);
        long id = parkedId(ProbeConsumer.CONSUMER, poisoned);

        as(ADMIN).queryParam("consumer", ProbeConsumer.CONSUMER).queryParam("type", "testtrack.platform-test.ProbeRecorded")
                .get("/internal/parked-events").then().statusCode(200)
                .body("service", equalTo("platform-test"))
                .body("items.id", hasItem((int) id));
        as(ADMIN).get("/internal/parked-events/" + id).then().statusCode(200)
                .body("eventId", equalTo(poisoned))
                .body("consumer", equalTo(ProbeConsumer.CONSUMER))
                .body("topic", equalTo("testtrack.platform-test.v1"))
                .body("replayable", equalTo(true))
                .body("event", org.hamcrest.Matchers.containsString(aggregate));

        as(ADMIN).post("/internal/parked-events/" + id + "/replay").then().statusCode(202)
                .body("eventId", equalTo(poisoned));
        as(ADMIN).get("/internal/parked-events/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(1L, count("SELECT count(*) FROM outbox WHERE event_type = 'testtrack.audit.ParkedEventHandled' "
                + "AND payload LIKE $1 AND payload LIKE '%REPLAYED%'", "%" + poisoned + "%"));
        // published again: its consumer tries it again, it fails again, and it is parked again under a new id
        Awaitility.await().atMost(TIMEOUT).until(() -> {
            Long again = parkedId(ProbeConsumer.CONSUMER, poisoned);
            return again != null && again != id;
        });
        assertTrue(ProbeConsumer.TRIES.get(ProbeConsumer.CONSUMER + "/" + poisoned) >= 2, "the replay reached the consumer");
        // the batch consumer of the same topic had parked it too, and does not apply the replay
        assertEquals(1L, count("SELECT count(*) FROM parked_event WHERE consumer = $1 AND event_id = $2",
                ProbeConsumer.BATCH_CONSUMER, poisoned));

        long again = parkedId(ProbeConsumer.CONSUMER, poisoned);
        as(ADMIN).delete("/internal/parked-events/" + again).then().statusCode(204);
        as(ADMIN).get("/internal/parked-events").then().statusCode(200).body("items.id", not(hasItem((int) again)));
        assertEquals(1L, count("SELECT count(*) FROM outbox WHERE event_type = 'testtrack.audit.ParkedEventHandled' "
                + "AND payload LIKE $1 AND payload LIKE '%DISCARDED%'", "%" + poisoned + "%"));
        as(ADMIN).delete("/internal/parked-events/" + again).then().statusCode(404);
    }

    @Test
    void onlyAnAdministratorMayTouchParkedEvents() {
        String tester = TestTokens.valid(UUID.randomUUID(), "tess@shop.example", "TESTER");
        as(tester).get("/internal/parked-events").then().statusCode(403).contentType("application/problem+json");
        as(tester).post("/internal/parked-events/1/replay").then().statusCode(403);
        as(tester).delete("/internal/parked-events/1").then().statusCode(403);
        given().get("/internal/parked-events").then().statusCode(401);
        as(ADMIN).queryParam("limit", 0).get("/internal/parked-events").then().statusCode(400);
        as(ADMIN).queryParam("since", "last week").get("/internal/parked-events").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static List<String> publish(String aggregate) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("aggregate", aggregate, "from", 0, "count", 3, "failAfterRecording", false))
                .post("/probe/events").then().statusCode(200).extract().jsonPath().getList(".", String.class);
    }

    private Long parkedId(String consumer, String eventId) {
        var rows = pool.preparedQuery("SELECT id FROM parked_event WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(consumer, eventId)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getLong(0);
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
