package io.testtrack.defect.events;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.defect.Fixtures;
import io.testtrack.events.execution.ExecutionAttachmentAdded;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.RunSource;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
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
 * A defect filed from a failed step links the step's attachments, which it learns of from
 * execution-service's events through the real broker: references to execution-service's copies,
 * served there to the project's members, never copies of their content.
 */
@QuarkusTest
class StepAttachmentsTest {

    @Inject
    Pool pool;

    @Test
    void theFailedStepsAttachmentsAreLinkedOnTheDefectAndALateOneToo() {
        Project project = Fixtures.project();
        UUID runId = UUID.randomUUID();
        UUID executionId = UUID.randomUUID();
        UUID screenshot = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                execution.publish(new RunCreated(runId, project.id(), "Nightly", "staging", "1.4.2", null, RunSource.MANUAL, 1,
                        project.tester().id()));
                return pool.preparedQuery("SELECT 1 FROM execution_runs WHERE run_id = $1").execute(Tuple.of(runId))
                        .await().atMost(Duration.ofSeconds(5)).size() == 1;
            });
            execution.publish(new StepResultRecorded(executionId, runId, project.id(), 2, StepStatus.FAIL, project.tester().id(),
                    UUID.randomUUID(), "SHOP-7", 3, "Pay", "Pay with the saved card", "Confirmed", "Error 500", null));
            execution.publish(new ExecutionAttachmentAdded(screenshot, executionId, runId, project.id(), 2, "declined.png", "image/png",
                    48_213, project.tester().id()));
            // another step's and the execution's own are not the failed step's
            execution.publish(new ExecutionAttachmentAdded(UUID.randomUUID(), executionId, runId, project.id(), 1, "basket.png",
                    "image/png", 1_000, project.tester().id()));
            var whole = execution.publish(new ExecutionAttachmentAdded(UUID.randomUUID(), executionId, runId, project.id(), null,
                    "console.log", "text/plain", 2_000, project.tester().id()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                    "SELECT 1 FROM execution_attachments WHERE execution_id = $1").execute(Tuple.of(executionId))
                    .await().atMost(Duration.ofSeconds(5)).size() == 3);

            JsonPath defect = project.tester().api().body(Map.of("executionId", executionId, "stepIndex", 2)).post("/api/bugs").then()
                    .statusCode(201).extract().jsonPath();
            String id = defect.getString("id");
            assertEquals(List.of(Map.of("id", screenshot.toString(), "fileName", "declined.png", "contentType", "image/png", "size", 48_213,
                    "url", "/api/executions/" + executionId + "/attachments/" + screenshot)), defect.getList("stepAttachments"));

            // announced after the filing (the tester uploaded it and filed at once): linked when it arrives, once
            var lateEvent = execution.publish(new ExecutionAttachmentAdded(late, executionId, runId, project.id(), 2, "trace.log",
                    "text/plain", 512, project.tester().id()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> project.viewer().api().get("/api/bugs/" + id).then()
                    .extract().<List<?>>path("stepAttachments").size() == 2);
            execution.publish(lateEvent);
            execution.publish(whole);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> project.viewer().api()
                    .get("/api/bugs/" + id).then().extract().<List<?>>path("stepAttachments").size() == 2);
            project.viewer().api().get("/api/bugs/" + id).then().body("stepAttachments[1].fileName", is("trace.log"))
                    .body("stepAttachments[1].url", is("/api/executions/" + executionId + "/attachments/" + late));
            project.viewer().api().get("/api/bugs/" + id + "/history").then()
                    .body("findAll { it.field == 'stepAttachments' }", hasSize(1))
                    .body("find { it.field == 'stepAttachments' }.to", is("trace.log"))
                    .body("find { it.field == 'stepAttachments' }.causeExecutionId", is(executionId.toString()));
        }
    }
}
