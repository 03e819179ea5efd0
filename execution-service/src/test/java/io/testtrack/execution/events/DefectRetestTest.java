package io.testtrack.execution.events;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.Topics;
import io.testtrack.events.defect.DefectRetestRequested;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.events.testcase.TestCaseUpdated;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.WireTap;
import io.vertx.mutiny.sqlclient.Pool;
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
 * The execution half of a defect's closed loop: a failed step's event carries what a defect is
 * prefilled with, and defect-service's request for a re-test becomes a run of one execution,
 * pinned to the case version that failed, assigned to the reporter, once however often delivered.
 */
@QuarkusTest
class DefectRetestTest {

    @Inject
    Pool pool;

    @Test
    void aRetestRequestBecomesOneRunPinnedToTheFailedSnapshot() {
        Project project = TestProjects.create("/api/runs");
        UUID caseId = UUID.randomUUID();
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            testcase.publish(new TestCaseCreated(snapshot(caseId, project, 1, "Pay"), null));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> project.tester().api()
                .body(Map.of("projectId", project.id(), "name", "Nightly", "environment", "staging",
                        "selection", Map.of("caseIds", List.of(caseId))))
                .post("/api/runs").statusCode() == 201);
        String runId = project.tester().api().queryParam("projectId", project.id()).get("/api/runs").then().extract().path("items[0].id");
        String executionId = project.tester().api().get("/api/runs/" + runId + "/executions").then().extract().path("items[0].id");

        try (WireTap wire = new WireTap(Topics.EXECUTION)) {
            project.tester().api().body(Map.of("status", "FAIL", "actualResult", "Error 500", "comment", "Visa only"))
                    .put("/api/executions/" + executionId + "/steps/2").then().statusCode(200);
            StepResultRecorded step = wire.until(seen -> seen.stream().anyMatch(r -> r.value().contains("StepResultRecorded")
                    && r.value().contains(executionId)), Duration.ofSeconds(30)).stream()
                    .filter(r -> r.value().contains("StepResultRecorded") && r.value().contains(executionId))
                    .map(r -> EventCodec.payload(EventCodec.read(r.value()), StepResultRecorded.class)).findFirst().orElseThrow();
            assertEquals(new StepResultRecorded(UUID.fromString(executionId), UUID.fromString(runId), project.id(), 2, StepStatus.FAIL,
                    project.tester().id(), caseId, project.key() + "-1", 1, "Pay", "Pay with the saved card", "The order is confirmed",
                    "Error 500", "Visa only"), step);
        }
        // The case moves on to version 2; the re-test must still run version 1, which failed.
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            testcase.publish(new TestCaseUpdated(snapshot(caseId, project, 2, "Pay, reworded"), 1, null));
        }

        try (TestPublisher defects = new TestPublisher("/testtrack/defect-service"); WireTap wire = new WireTap(Topics.EXECUTION)) {
            awaitConsumerAssigned(defects, project);
            UUID defectId = UUID.randomUUID();
            EventEnvelope request = defects.publish(new DefectRetestRequested(defectId, project.id(), project.key() + "-B1",
                    "Re-test " + project.key() + "-B1: Pay fails", UUID.fromString(executionId), caseId, 1, project.tester().id(),
                    project.developer().id()));
            RetestExecutionCreated created = wire.until(seen -> seen.stream().anyMatch(r -> r.value().contains("RetestExecutionCreated")
                    && r.value().contains(defectId.toString())), Duration.ofSeconds(30)).stream()
                    .filter(r -> r.value().contains("RetestExecutionCreated") && r.value().contains(defectId.toString()))
                    .map(r -> EventCodec.payload(EventCodec.read(r.value()), RetestExecutionCreated.class)).findFirst().orElseThrow();
            assertEquals(UUID.fromString(executionId), created.sourceExecutionId());

            project.viewer().api().get("/api/runs/" + created.runId()).then().statusCode(200)
                    .body("name", is("Re-test " + project.key() + "-B1: Pay fails")).body("origin", is("RERUN"))
                    .body("environment", is("staging")).body("counts.NOT_RUN", is(1));
            project.viewer().api().get("/api/executions/" + created.executionId()).then().statusCode(200)
                    .body("caseVersion", is(1)).body("title", is("Pay")).body("assignee", is(project.tester().id().toString()))
                    .body("status", is("NOT_RUN")).body("steps", hasSize(2));

            defects.publish(request);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> project.viewer().api()
                    .queryParam("projectId", project.id()).queryParam("origin", "RERUN").get("/api/runs").then().extract()
                    .<List<String>>path("items.id").size() == 1);
        }
        project.viewer().api().queryParam("projectId", project.id()).get("/api/runs").then()
                .body("items.name", contains("Re-test " + project.key() + "-B1: Pay fails", "Nightly"));
    }

    /** The consumer starts at the end of the topic: requests for an execution it does not have, until one is seen in the inbox. */
    private void awaitConsumerAssigned(TestPublisher defects, Project project) {
        List<String> probes = new java.util.ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            probes.add(defects.publish(new DefectRetestRequested(UUID.randomUUID(), project.id(), "PROBE", "probe",
                    UUID.randomUUID(), null, null, null, null)).id());
            return pool.preparedQuery("SELECT 1 FROM inbox WHERE consumer = 'defect-retests' AND event_id = ANY($1)")
                    .execute(Tuple.of(probes.toArray(String[]::new))).await().atMost(Duration.ofSeconds(5)).size() > 0;
        });
    }

    private static TestCaseSnapshot snapshot(UUID id, Project project, int version, String title) {
        return new TestCaseSnapshot(id, project.id(), project.key() + "-1", version, title, null, null, "FUNCTIONAL", "HIGH", "READY",
                List.of(), null, null, List.of(new TestCaseSnapshot.Step(1, "Open the basket", "Two items", null),
                        new TestCaseSnapshot.Step(2, "Pay with the saved card", "The order is confirmed", null)), Map.of(), Instant.now());
    }
}
