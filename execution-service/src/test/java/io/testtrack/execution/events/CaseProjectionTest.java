package io.testtrack.execution.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseDeleted;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.events.testcase.TestCaseUpdated;
import io.testtrack.platform.testing.TestPublisher;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A burst of testcase-service's events, as a bulk import or a busy team makes them: the
 * projection, which writes a poll's snapshots together, leaves each case as applying the events
 * one by one in their order would.
 */
@QuarkusTest
class CaseProjectionTest {

    @Inject
    Pool pool;

    @Test
    void aBurstOfCaseEventsLeavesEachCaseAsTheEventsInTheirOrderWould() {
        UUID project = UUID.randomUUID();
        UUID edited = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        UUID restored = UUID.randomUUID();
        int bulk = 1_500;
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            // edited: a newer version, then an older one delivered late, which must not win
            testcase.publish(new TestCaseCreated(snapshot(edited, project, 1, 1, "Login", List.of("smoke")), null));
            testcase.publish(new TestCaseUpdated(snapshot(edited, project, 1, 3, "Login, third", List.of("smoke", "auth")), 2, null));
            testcase.publish(new TestCaseUpdated(snapshot(edited, project, 1, 2, "Login, second", List.of()), 1, null));
            // removed: created, edited, deleted, in one burst
            testcase.publish(new TestCaseCreated(snapshot(removed, project, 2, 1, "Logout", List.of()), null));
            testcase.publish(new TestCaseUpdated(snapshot(removed, project, 2, 2, "Logout, edited", List.of()), 1, null));
            testcase.publish(new TestCaseDeleted(removed, project, "P-2", null, null));
            // restored: deleted, then a newer snapshot (a restore) after it
            testcase.publish(new TestCaseCreated(snapshot(restored, project, 3, 1, "Search", List.of()), null));
            testcase.publish(new TestCaseDeleted(restored, project, "P-3", null, null));
            testcase.publish(new TestCaseUpdated(snapshot(restored, project, 3, 2, "Search, restored", List.of()), 1, null));
            // and enough new cases for more than one statement
            for (int n = 0; n < bulk; n++) {
                testcase.publish(new TestCaseCreated(snapshot(UUID.randomUUID(), project, 100 + n, 1, "Bulk " + n, List.of("bulk")), null));
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> count(project) == bulk + 3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> row(removed).getBoolean("deleted"));

        Row login = row(edited);
        assertEquals(3, login.getInteger("version"));
        assertEquals("Login, third", login.getString("title"));
        assertEquals(new JsonArray(List.of("smoke", "auth")), login.getValue("tags"));
        assertEquals(2, ((JsonArray) login.getValue("steps")).size(), "steps come with the snapshot");
        assertEquals("Logout, edited", row(removed).getString("title"));
        Row search = row(restored);
        assertEquals("Search, restored", search.getString("title"));
        assertTrue(!search.getBoolean("deleted"), "a snapshot after the deletion brings the case back");
        assertEquals(bulk, countTitled(project, "Bulk %"));
        // all of it set-based, none of it set aside as a bad event
        assertEquals(0L, pool.preparedQuery("SELECT count(*) FROM parked_event WHERE consumer = 'case-projection' AND event LIKE $1")
                .execute(Tuple.of("%" + project + "%")).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
    }

    /**
     * What CI imports with unknown tests make upstream: hundreds of new suites, then their cases,
     * in one burst that the projection reads in full polls. The projection once nested a chain per
     * suite event and overflowed the event loop's stack on such a poll: its transaction stayed
     * open and the channel hung. Three bursts, each on one partition, so that full polls come.
     */
    @Test
    void burstsOfHundredsOfNewSuitesAndTheirCasesAreAllProjected() {
        UUID project = UUID.randomUUID();
        int suitesPerBurst = 700;
        int bursts = 3;
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            for (int burst = 0; burst < bursts; burst++) {
                List<io.testtrack.events.DomainEvent> events = new java.util.ArrayList<>();
                for (int n = 0; n < suitesPerBurst; n++) {
                    events.add(new io.testtrack.events.testcase.SuiteSaved(UUID.randomUUID(), project, null,
                            "Suite " + burst + "-" + n, null));
                }
                for (int n = 0; n < suitesPerBurst; n++) {
                    events.add(new TestCaseCreated(snapshot(UUID.randomUUID(), project, burst * 10_000 + n, 1,
                            "Discovered " + burst + "-" + n, List.of()), null));
                }
                testcase.publishBurst(events, project + "-" + burst);
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> count(project) == (long) suitesPerBurst * bursts);
        assertEquals((long) suitesPerBurst * bursts, pool.preparedQuery("SELECT count(*) FROM suites WHERE project_id = $1")
                .execute(Tuple.of(project)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
        // applied as it came, not rescued by the transaction deadline after a stall
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().noneMatch(line -> line.startsWith("testtrack_consumer_deadlines_passed_total{consumer=\"case-projection\"")),
                "no transaction of the case projection stalled until its deadline");
    }

    private TestCaseSnapshot snapshot(UUID id, UUID project, int number, int version, String title, List<String> tags) {
        return new TestCaseSnapshot(id, project, "P-" + number, version, title, null, null, "FUNCTIONAL", "HIGH", "READY", tags,
                null, null, List.of(new TestCaseSnapshot.Step(1, "Open", "Shown", null),
                        new TestCaseSnapshot.Step(2, "Save", "Saved", null)), Map.of(), Instant.now());
    }

    private Row row(UUID id) {
        return pool.preparedQuery("SELECT * FROM cases WHERE test_case_id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private long count(UUID project) {
        return countTitled(project, "%");
    }

    private long countTitled(UUID project, String title) {
        return pool.preparedQuery("SELECT count(*) FROM cases WHERE project_id = $1 AND title LIKE $2").execute(Tuple.of(project, title))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
