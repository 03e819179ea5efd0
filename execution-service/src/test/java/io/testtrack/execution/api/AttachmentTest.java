package io.testtrack.execution.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.EventCodec;
import io.testtrack.events.Topics;
import io.testtrack.events.execution.ExecutionAttachmentAdded;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.WireTap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments: what may be stored, under which name, and who may read it back. */
@QuarkusTest
class AttachmentTest {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    Project project;
    String execution;

    @BeforeEach
    void anExecution() {
        project = TestProjects.create("/api/runs");
        UUID caseId = UUID.randomUUID();
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            testcase.publish(new TestCaseCreated(new TestCaseSnapshot(caseId, project.id(), project.key() + "-1", 1, "Upload", null, null,
                    "FUNCTIONAL", "HIGH", "READY", List.of(), null, null, List.of(new TestCaseSnapshot.Step(1, "Shoot", "Shot", null)),
                    Map.of(), Instant.now()), null));
        }
        String run = Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> project.tester().api()
                .body(Map.of("projectId", project.id(), "name", "Run", "selection", Map.of("caseIds", List.of(caseId))))
                .post("/api/runs").then().extract().path("id"), id -> id != null);
        execution = project.tester().api().get("/api/runs/" + run + "/executions").then().extract().path("items[0].id");
    }

    @Test
    void aScreenshotIsStoredUnderASafeNameAndReadBackByMembersOnly() {
        String id = project.tester().api().contentType("multipart/form-data")
                .multiPart("file", "../../etc/pass\u0007wd.png", PNG, "image/png").multiPart("stepIndex", "1")
                .post("/api/executions/" + execution + "/attachments").then().statusCode(201)
                .body("fileName", is("passwd.png")).body("size", is(PNG.length)).body("stepIndex", is(1)).extract().path("id");
        byte[] back = project.viewer().api().accept("*/*").get("/api/executions/" + execution + "/attachments/" + id).then()
                .statusCode(200).contentType("image/png").header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(PNG, back);
        project.viewer().api().get("/api/executions/" + execution + "/attachments").then().body("$", hasSize(1));
        TestProjects.user("TESTER").api().accept("*/*").get("/api/executions/" + execution + "/attachments/" + id).then().statusCode(404);
        project.viewer().api().contentType("multipart/form-data").multiPart("file", "a.png", PNG, "image/png")
                .post("/api/executions/" + execution + "/attachments").then().statusCode(403);
    }

    @Test
    void anUploadIsAnnouncedWithoutItsContent() {
        try (WireTap wire = new WireTap(Topics.EXECUTION)) {
            String id = project.tester().api().contentType("multipart/form-data").multiPart("file", "declined.png", PNG, "image/png")
                    .multiPart("stepIndex", "1").post("/api/executions/" + execution + "/attachments").then().statusCode(201)
                    .extract().path("id");
            ExecutionAttachmentAdded added = wire.until(seen -> seen.stream().anyMatch(r -> r.value().contains(id)), Duration.ofSeconds(30))
                    .stream().filter(r -> r.value().contains(id))
                    .map(r -> EventCodec.payload(EventCodec.read(r.value()), ExecutionAttachmentAdded.class)).findFirst().orElseThrow();
            assertEquals(new ExecutionAttachmentAdded(UUID.fromString(id), UUID.fromString(execution), added.runId(), project.id(), 1,
                    "declined.png", "image/png", PNG.length, project.tester().id()), added);
        }
    }

    @Test
    void contentThatIsNotWhatItClaimsOrTooBigIsRefused() {
        byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        upload("shot.png", html, "image/png").then().statusCode(400).body("errors[0].message", containsString("not image/png"));
        upload("page.html", html, "text/html").then().statusCode(400).body("errors[0].message", containsString("not accepted"));
        upload("log.txt", new byte[] { 'a', 0, 'b' }, "text/plain").then().statusCode(400);
        upload("big.log", new byte[10 * 1024 * 1024 + 1], "text/plain").then().statusCode(413).contentType("application/problem+json");
        project.tester().api().contentType("multipart/form-data").multiPart("file", "a.png", PNG, "image/png").multiPart("stepIndex", "5")
                .post("/api/executions/" + execution + "/attachments").then().statusCode(400).body("errors[0].field", is("stepIndex"));
        upload("build.log", "BUILD SUCCESS\n".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(201);
        project.viewer().api().get("/api/executions/" + execution + "/attachments").then().body("$", hasSize(1));
    }

    private io.restassured.response.Response upload(String name, byte[] content, String type) {
        return project.tester().api().contentType("multipart/form-data").multiPart("file", name, content, type)
                .post("/api/executions/" + execution + "/attachments");
    }
}
