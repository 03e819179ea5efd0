package io.testtrack.testcase.events;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.EventCodec;
import io.testtrack.events.Topics;
import io.testtrack.events.testcase.SuiteDeleted;
import io.testtrack.events.testcase.SuiteSaved;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseDeleted;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.events.testcase.TestCaseUpdated;
import io.testtrack.platform.testing.WireTap;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What other services learn of cases, read off the real broker: full snapshots with steps, shared ones expanded. */
@QuarkusTest
class CaseEventsTest {

    @Test
    void createUpdateAndDeleteArePublishedWithTheFullSnapshot() {
        Project project = Fixtures.project();
        try (WireTap wire = new WireTap(Topics.TESTCASE)) {
            String shared = project.tester().api().body(Map.of("projectId", project.id(), "name", "Sign in",
                            "steps", Fixtures.steps("Open /login", "Form shows")))
                    .post("/api/shared-steps").then().statusCode(201).extract().path("id");
            String id = Fixtures.createCase(project, "Evented", "steps", List.of(Map.of("index", 1, "sharedStepsId", shared),
                    Map.of("index", 2, "action", "Buy", "expectedResult", "Bought")));
            project.tester().api().body(Fixtures.caseBody(project.id(), "Evented again", "version", 1,
                            "steps", List.of(Map.of("index", 1, "sharedStepsId", shared))))
                    .put("/api/tests/" + id).then().statusCode(200);
            // Editing the shared group versions the case and publishes it again.
            project.tester().api().body(Map.of("name", "Sign in", "version", 1,
                            "steps", Fixtures.steps("Open /login", "Form shows", "Submit", "Signed in")))
                    .put("/api/shared-steps/" + shared).then().statusCode(200).body("casesUpdated", is(1));
            project.tester().api().delete("/api/tests/" + id).then().statusCode(204);

            List<ConsumerRecord<String, String>> records = wire.until(seen -> ofCase(seen, id).size() >= 4, Duration.ofSeconds(30));
            List<Object> events = ofCase(records, id).stream().map(r -> EventCodec.payload(EventCodec.read(r.value())).orElseThrow())
                    .map(Object.class::cast).toList();
            assertEquals(4, events.size(), "one event per change, in order");

            TestCaseSnapshot created = ((TestCaseCreated) events.get(0)).testCase();
            assertEquals(project.key() + "-1", created.key());
            assertEquals(1, created.version());
            assertEquals(List.of("Open /login", "Buy"), created.steps().stream().map(TestCaseSnapshot.Step::action).toList());
            assertEquals(project.tester().id(), ((TestCaseCreated) events.get(0)).createdBy());

            TestCaseUpdated updated = (TestCaseUpdated) events.get(1);
            assertEquals("Evented again", updated.testCase().title());
            assertEquals(1, updated.previousVersion());
            assertEquals(2, updated.testCase().version());

            TestCaseUpdated sharedEdit = (TestCaseUpdated) events.get(2);
            assertEquals(3, sharedEdit.testCase().version());
            assertEquals(List.of(1, 2), sharedEdit.testCase().steps().stream().map(TestCaseSnapshot.Step::index).toList());
            assertEquals("Signed in", sharedEdit.testCase().steps().get(1).expectedResult());

            TestCaseDeleted deleted = (TestCaseDeleted) events.get(3);
            assertEquals(project.key() + "-1", deleted.key());
            assertNull(deleted.automationKey());
            records.stream().filter(r -> r.key().equals(id)).forEach(r -> assertEquals(id, r.key(), "keyed by the case"));
        }
    }

    @Test
    void theSuiteTreeIsPublished() {
        Project project = Fixtures.project();
        try (WireTap wire = new WireTap(Topics.TESTCASE)) {
            String parent = project.tester().api().body(Map.of("projectId", project.id(), "name", "Parent")).post("/api/suites")
                    .then().statusCode(201).extract().path("id");
            String child = project.tester().api().body(Map.of("projectId", project.id(), "name", "Child", "parentId", parent))
                    .post("/api/suites").then().statusCode(201).extract().path("id");
            project.tester().api().body(Map.of("name", "Renamed child")).patch("/api/suites/" + child).then().statusCode(200);
            project.tester().api().queryParam("cascade", true).delete("/api/suites/" + parent).then().statusCode(200);
            List<Object> events = wire.until(seen -> ofCase(seen, child).size() >= 3 && !ofCase(seen, parent).isEmpty(),
                    Duration.ofSeconds(30)).stream().filter(r -> r.key().equals(child))
                    .map(r -> (Object) EventCodec.payload(EventCodec.read(r.value())).orElseThrow()).toList();
            assertEquals(parent, ((SuiteSaved) events.get(0)).parentId().toString());
            assertEquals("Renamed child", ((SuiteSaved) events.get(1)).name());
            assertEquals(3, events.size());
            assertEquals(SuiteDeleted.class, events.get(2).getClass());
        }
    }

    @Test
    void aLargeImportCreatesEveryCaseWithItsFirstVersionAndOneEventEach() {
        Project project = Fixtures.project();
        project.tester().api().body(Map.of("projectId", project.id(), "name", "Sign in", "steps", Fixtures.steps("Open /login", "Form shows")))
                .post("/api/shared-steps").then().statusCode(201);
        String existing = Fixtures.createCase(project, "Before the import");
        int rows = 2_500;
        StringBuilder csv = new StringBuilder("key,title,description,tags,suite,steps\n")
                .append(project.key()).append("-1,Before the import (edited),,old,,\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(",Imported ").append(i).append(",Line ").append(i).append(",bulk;n").append(i % 7).append(",Area ").append(i % 3)
                    .append(" / Sub,\"[{\"\"shared\"\":\"\"Sign in\"\"},{\"\"action\"\":\"\"Buy ").append(i).append("\"\"}]\"\n");
        }
        try (WireTap wire = new WireTap(Topics.TESTCASE)) {
            project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).body(csv.toString())
                    .post("/api/tests/import").then().statusCode(200)
                    .body("created", is(rows)).body("updated", is(1));

            List<Object> events = wire.until(seen -> ofCases(seen, project).size() >= rows + 1, Duration.ofSeconds(60)).stream()
                    .filter(r -> r.value().contains(project.id().toString()))
                    .map(r -> (Object) EventCodec.payload(EventCodec.read(r.value())).orElseThrow()).toList();
            List<TestCaseSnapshot> created = events.stream().filter(TestCaseCreated.class::isInstance)
                    .map(e -> ((TestCaseCreated) e).testCase())
                    // the case made before the import may reach the wire after the tap started, on a busy relay
                    .filter(c -> !c.id().toString().equals(existing))
                    // each case is its own aggregate, spread over partitions: order by key to compare with the file
                    .sorted(Comparator.comparingInt(c -> Integer.parseInt(c.key().substring(c.key().lastIndexOf('-') + 1))))
                    .toList();
            assertEquals(rows, created.size(), "one TestCaseCreated per new row");
            assertEquals(rows, created.stream().map(TestCaseSnapshot::id).distinct().count());
            // Keys are numbered in the file's order, after the case that was there before.
            for (int i = 0; i < rows; i++) {
                TestCaseSnapshot snapshot = created.get(i);
                assertEquals(project.key() + "-" + (i + 2), snapshot.key());
                assertEquals("Imported " + (i + 1), snapshot.title());
                assertEquals(1, snapshot.version());
                assertEquals(List.of("Open /login", "Buy " + (i + 1)), snapshot.steps().stream().map(TestCaseSnapshot.Step::action).toList());
            }
            TestCaseUpdated updated = (TestCaseUpdated) events.stream().filter(TestCaseUpdated.class::isInstance).findFirst().orElseThrow();
            assertEquals(existing, updated.testCase().id().toString());
            assertEquals(2, updated.testCase().version());

            // What the events say is what is stored: the case, its first version, and search finds it by its steps.
            String last = created.get(rows - 1).id().toString();
            project.viewer().api().get("/api/tests/" + last).then().statusCode(200).body("title", is("Imported " + rows))
                    .body("tags", contains("bulk", "n" + rows % 7)).body("description", is("Line " + rows))
                    .body("version", is(1));
            project.viewer().api().get("/api/tests/" + last + "/versions").then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].summary", is("Created by CSV import"));
            project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "\"Buy " + rows + "\"").get("/api/tests").then()
                    .statusCode(200).body("total", is(1)).body("items[0].id", is(last));
            project.viewer().api().queryParam("projectId", project.id()).queryParam("tags", "bulk").get("/api/tests").then()
                    .body("total", is(rows));
        }
    }

    @Test
    void aRefusedChangePublishesNothing() {
        Project project = Fixtures.project();
        try (WireTap wire = new WireTap(Topics.TESTCASE)) {
            String id = Fixtures.createCase(project, "Quiet");
            // the creation's own event is on the wire first, so it is never taken for a refused change's
            List<ConsumerRecord<String, String>> created = ofCase(wire.until(seen -> !ofCase(seen, id).isEmpty(),
                    Duration.ofSeconds(30)), id);
            project.tester().api().body(Fixtures.caseBody(project.id(), "Stale", "version", 7)).put("/api/tests/" + id).then()
                    .statusCode(409);
            project.viewer().api().body(Fixtures.caseBody(project.id(), "Viewer", "version", 1)).put("/api/tests/" + id).then()
                    .statusCode(403);
            project.tester().api().body(Fixtures.caseBody(project.id(), "Quiet", "version", 1, "priority", "NOPE"))
                    .put("/api/tests/" + id).then().statusCode(400);
            assertEquals(created, ofCase(wire.drainFor(Duration.ofSeconds(2)), id));
        }
    }

    /** The records of the project's case events (its suites' events are on the same topic). */
    private static List<ConsumerRecord<String, String>> ofCases(List<ConsumerRecord<String, String>> records, Project project) {
        return records.stream().filter(r -> r.value().contains(project.id().toString()))
                .filter(r -> String.valueOf(WireTap.header(r, "ce_type")).contains(".TestCase")).toList();
    }

    private static List<ConsumerRecord<String, String>> ofCase(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> id.equals(r.key())).toList();
    }
}
