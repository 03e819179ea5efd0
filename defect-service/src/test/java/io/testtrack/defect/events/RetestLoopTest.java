package io.testtrack.defect.events;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.defect.Fixtures;
import io.testtrack.events.EventCodec;
import io.testtrack.events.Topics;
import io.testtrack.events.defect.DefectRetestRequested;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.ExecutionStatusChanged;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.RunSource;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.WireTap;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filed from a failed step and verified by a re-test, through the real broker: execution-service's
 * events (published here as its outbox relay would) prefill the defect, FIXED asks for a re-test,
 * and the re-test's creation and outcome move the defect by themselves.
 */
@QuarkusTest
class RetestLoopTest {

    @Inject
    Pool pool;

    Project project;
    UUID runId = UUID.randomUUID();
    UUID executionId = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();

    @BeforeEach
    void aFailedStepInTheProjection() {
        project = Fixtures.project();
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            // The consumer starts at the end of the topic: announce the run until it is seen.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                execution.publish(new RunCreated(runId, project.id(), "Nightly", "staging", "1.4.2", null, RunSource.MANUAL, 1,
                        project.tester().id()));
                return pool.preparedQuery("SELECT 1 FROM execution_runs WHERE run_id = $1").execute(Tuple.of(runId))
                        .await().atMost(Duration.ofSeconds(5)).size() == 1;
            });
            execution.publish(new StepResultRecorded(executionId, runId, project.id(), 1, StepStatus.PASS, project.tester().id(), caseId,
                    "SHOP-7", 3, "Pay with a saved card", "Open the basket", "Two items", null, null));
            execution.publish(new StepResultRecorded(executionId, runId, project.id(), 2, StepStatus.FAIL, project.tester().id(), caseId,
                    "SHOP-7", 3, "Pay with a saved card", "Pay with the saved card", "The order is confirmed", "Error 500",
                    "Only with Visa"));
        }
    }

    @Test
    void aDefectFiledFromAFailedStepIsPrefilledAndVerifiedByItsPassingRetest() {
        JsonPath defect = fileFromStep();
        String id = defect.getString("id");
        assertEquals("SHOP-7 Pay with a saved card: step 2 failed", defect.getString("title"));
        assertEquals("The order is confirmed", defect.getString("expectedResult"));
        assertEquals("Error 500\n\nOnly with Visa", defect.getString("actualResult"));
        assertEquals("Execute SHOP-7 (version 3) up to step 2: Pay with the saved card", defect.getString("stepsToReproduce"));
        assertEquals("staging", defect.getString("environment"));
        assertEquals("1.4.2", defect.getString("build"));
        assertEquals(3, defect.getInt("caseVersion"));
        assertEquals(caseId.toString(), defect.getString("testCaseId"));
        assertEquals(runId.toString(), defect.getString("runId"));
        project.viewer().api().queryParam("executionId", executionId).get("/api/bugs").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", is(id));

        UUID retest = fixAndRetest(id);
        publish(new ExecutionStatusChanged(retest, runId, project.id(), caseId, null, ExecutionStatus.IN_PROGRESS, ExecutionStatus.PASSED,
                project.tester().id()));
        awaitStatus(id, "VERIFIED_FIXED");

        JsonPath history = project.viewer().api().get("/api/bugs/" + id + "/history").then().extract().jsonPath();
        List<Map<String, Object>> moves = history.getList("findAll { it.field == 'status' }");
        Map<String, Object> awaiting = moves.get(moves.size() - 2);
        Map<String, Object> verified = moves.get(moves.size() - 1);
        assertEquals("AWAITING_VERIFICATION", awaiting.get("to"));
        assertEquals(retest.toString(), awaiting.get("causeExecutionId"));
        assertEquals("VERIFIED_FIXED", verified.get("to"));
        assertNull(verified.get("actorId"));
        assertEquals(retest.toString(), verified.get("causeExecutionId"));
        Fixtures.move(project.tester(), id, Map.of("to", "CLOSED"));
    }

    @Test
    void aFailingRetestReopensTheDefectAndARedeliveryChangesNothing() {
        String id = fileFromStep().getString("id");
        UUID retest = fixAndRetest(id);
        ExecutionStatusChanged failed = new ExecutionStatusChanged(retest, runId, project.id(), caseId, null, ExecutionStatus.IN_PROGRESS,
                ExecutionStatus.FAILED, project.tester().id());
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            var envelope = execution.publish(failed);
            awaitStatus(id, "REOPENED");
            int version = project.tester().api().get("/api/bugs/" + id).then().extract().path("version");
            execution.publish(envelope);
            execution.publish(new ExecutionStatusChanged(UUID.randomUUID(), runId, project.id(), caseId, null, ExecutionStatus.IN_PROGRESS,
                    ExecutionStatus.PASSED, project.tester().id()));
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    project.tester().api().get("/api/bugs/" + id).then().extract().<Integer>path("version") == version);
        }
        project.tester().api().get("/api/bugs/" + id).then().body("status", is("REOPENED"));
    }

    @Test
    void aDefectIsFiledOnlyFromAFailedStepTheCallerCanSee() {
        awaitStepProjected();
        project.tester().api().body(Map.of("executionId", executionId, "stepIndex", 1)).post("/api/bugs").then().statusCode(409)
                .body("detail", containsString("PASS"));
        project.tester().api().body(Map.of("executionId", executionId, "stepIndex", 9)).post("/api/bugs").then().statusCode(404);
        project.tester().api().body(Map.of("executionId", executionId)).post("/api/bugs").then().statusCode(400)
                .body("errors[0].field", is("stepIndex"));
        Project other = Fixtures.project();
        other.lead().api().body(Map.of("executionId", executionId, "stepIndex", 2)).post("/api/bugs").then().statusCode(404);
        other.lead().api().body(Map.of("projectId", other.id(), "executionId", executionId, "stepIndex", 2)).post("/api/bugs").then()
                .statusCode(400).body("errors[0].field", is("projectId"));
        project.viewer().api().body(Map.of("executionId", executionId, "stepIndex", 2)).post("/api/bugs").then().statusCode(403);
        project.viewer().api().queryParam("executionId", executionId).get("/api/bugs").then().body("items", hasSize(0));
    }

    private JsonPath fileFromStep() {
        awaitStepProjected();
        return project.tester().api().body(Map.of("executionId", executionId, "stepIndex", 2)).post("/api/bugs").then().statusCode(201)
                .extract().jsonPath();
    }

    private void awaitStepProjected() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "SELECT 1 FROM execution_steps WHERE execution_id = $1 AND step_index = 2").execute(Tuple.of(executionId))
                .await().atMost(Duration.ofSeconds(5)).size() == 1);
    }

    /** Fixes the defect (asking for a re-test on the wire) and creates the re-test as execution-service would. */
    private UUID fixAndRetest(String id) {
        Fixtures.move(project.tester(), id, Map.of("to", "ASSIGNED", "assigneeId", project.developer().id()));
        Fixtures.move(project.developer(), id, Map.of("to", "IN_PROGRESS"));
        DefectRetestRequested requested;
        try (WireTap wire = new WireTap(Topics.DEFECT)) {
            Fixtures.move(project.developer(), id, Map.of("to", "FIXED", "fix", Map.of("rootCause", "Visa BIN table stale",
                    "summary", "Reload the table", "link", "https://git.example.com/shop/pull/12")));
            requested = wire.until(seen -> seen.stream().anyMatch(r -> r.value().contains("DefectRetestRequested") && r.value().contains(id)),
                    Duration.ofSeconds(30)).stream().filter(r -> r.value().contains("DefectRetestRequested") && r.value().contains(id))
                    .map(r -> EventCodec.payload(EventCodec.read(r.value()), DefectRetestRequested.class)).findFirst().orElseThrow();
        }
        assertEquals(executionId, requested.sourceExecutionId());
        assertEquals(3, requested.caseVersion());
        assertEquals(caseId, requested.testCaseId());
        assertEquals(project.tester().id(), requested.assigneeId());
        String key = project.tester().api().get("/api/bugs/" + id).then().extract().path("key");
        assertEquals("Re-test " + key + ": SHOP-7 Pay with a saved card: step 2 failed", requested.runName());

        UUID retest = UUID.randomUUID();
        publish(new RetestExecutionCreated(retest, UUID.randomUUID(), project.id(), UUID.fromString(id), executionId));
        awaitStatus(id, "AWAITING_VERIFICATION");
        project.tester().api().get("/api/bugs/" + id).then().body("retestExecutionId", is(retest.toString()));
        return retest;
    }

    private void awaitStatus(String id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                status.equals(project.tester().api().get("/api/bugs/" + id).then().extract().path("status")));
    }

    private static void publish(io.testtrack.events.DomainEvent event) {
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            execution.publish(event);
        }
    }
}
