package io.testtrack.testcase.events;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A test that a CI import found and no case knew becomes one READY automated case, however often it is reported. */
@QuarkusTest
class AutomatedTestDiscoveryTest {

    @Test
    void aDiscoveredTestBecomesOneCaseEvenWhenDeliveredTwice() {
        Project project = Fixtures.project();
        consumerListening(project);
        String key = "com.shop.CartTest#removesAnItem";
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            EventEnvelope first = execution.publish(new AutomatedTestDiscovered(project.id(), key, "com.shop.CartTest", "removesAnItem",
                    UUID.randomUUID(), UUID.randomUUID()));
            execution.publish(first);
            // A later import reports the same test again, as a new event.
            execution.publish(new AutomatedTestDiscovered(project.id(), key, "com.shop.CartTest", "removesAnItem", UUID.randomUUID(),
                    UUID.randomUUID()));
            // A second test, so there is something to wait for besides the first.
            execution.publish(new AutomatedTestDiscovered(project.id(), "marker#done", "Marker", "done", UUID.randomUUID(),
                    UUID.randomUUID()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> project.viewer().api().queryParam("projectId", project.id())
                .queryParam("q", "done").get("/api/tests").then().extract().<Integer>path("total") == 1);
        project.tester().api().delete("/api/tests/" + project.viewer().api().queryParam("projectId", project.id())
                .queryParam("q", "listening").get("/api/tests").then().extract().<String>path("items[0].id")).then().statusCode(204);
        // Two cases appear, and stay two while the redeliveries are consumed.
        Awaitility.await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(3)).until(() -> project.viewer().api()
                .queryParam("projectId", project.id()).queryParam("automated", true).get("/api/tests").then()
                .extract().<Integer>path("total") == 2);

        project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "removesAnItem").get("/api/tests").then()
                .statusCode(200).body("total", is(1))
                .body("items[0].automationKey", is(key)).body("items[0].status", is("READY"))
                .body("items[0].title", is("removesAnItem")).body("items[0].tags", contains("automated"));
        String suiteId = project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "removesAnItem")
                .get("/api/tests").then().extract().path("items[0].suiteId");
        project.viewer().api().queryParam("projectId", project.id()).get("/api/suites").then()
                .body("find { it.id == '" + suiteId + "' }.name", is("com.shop.CartTest"))
                .body("findAll { it.name == 'com.shop.CartTest' }.size()", is(1));
        project.viewer().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(2));
    }

    @Test
    void manyTestsDiscoveredTogetherBecomeOneCaseEachInTheSuitesOfTheirClasses() {
        Project project = Fixtures.project();
        consumerListening(project);
        int tests = 1_200;
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            for (int i = 0; i < tests; i++) {
                String classname = "com.shop.Suite" + (i % 4);
                execution.publish(new AutomatedTestDiscovered(project.id(), classname + "#test" + i, classname, "test" + i, UUID.randomUUID(),
                        UUID.randomUUID()));
                if (i % 100 == 0) {
                    // the same test reported by a second import, in the same burst
                    execution.publish(new AutomatedTestDiscovered(project.id(), classname + "#test" + i, classname, "test" + i,
                            UUID.randomUUID(), UUID.randomUUID()));
                }
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> project.viewer().api().queryParam("projectId", project.id())
                .queryParam("automated", true).get("/api/tests").then().extract().<Integer>path("total") == tests + 1);
        // Settles at one case per test, the probe's included.
        Awaitility.await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(2)).until(() -> project.viewer().api()
                .queryParam("projectId", project.id()).queryParam("automated", true).get("/api/tests").then()
                .extract().<Integer>path("total") == tests + 1);

        List<Map<String, Object>> suites = project.viewer().api().queryParam("projectId", project.id()).get("/api/suites").then()
                .extract().jsonPath().getList("$");
        for (int s = 0; s < 4; s++) {
            String name = "com.shop.Suite" + s;
            List<Object> ids = suites.stream().filter(suite -> name.equals(suite.get("name"))).map(suite -> suite.get("id")).toList();
            assertEquals(1, ids.size(), "one suite for " + name);
            project.viewer().api().queryParam("projectId", project.id()).queryParam("suiteId", ids.get(0)).get("/api/tests").then()
                    .body("total", is(tests / 4));
        }
        // Every case has a key of its own.
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            var request = project.viewer().api().queryParam("projectId", project.id()).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/tests").then().statusCode(200).extract().jsonPath();
            keys.addAll(page.getList("items.key"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(tests + 1, keys.size());
        assertEquals(tests + 1, new HashSet<>(keys).size());
        project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "test777").get("/api/tests").then()
                .body("total", is(1)).body("items[0].status", is("READY")).body("items[0].automationKey", is("com.shop.Suite1#test777"));
    }

    /**
     * The test consumer starts at the end of the topic, so what is published before it has its
     * partitions is not seen: knock until a probe's case appears (repeats are idempotent).
     */
    private static void consumerListening(Project project) {
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            AutomatedTestDiscovered probe = new AutomatedTestDiscovered(project.id(), "probe#listening", "Probe", "listening",
                    UUID.randomUUID(), UUID.randomUUID());
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                execution.publish(probe);
                return project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "listening").get("/api/tests")
                        .then().extract().<Integer>path("total") == 1;
            });
        }
    }
}
