package io.testtrack.execution.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.events.EventCodec;
import io.testtrack.events.Topics;
import io.testtrack.events.execution.RunCompleted;
import io.testtrack.events.execution.StatusCounts;
import io.testtrack.events.testcase.SuiteSaved;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual execution end to end: cases from the projection, runs, steps, derived status, completion, re-run, compare. */
@QuarkusTest
class RunFlowTest {

    @Inject
    Pool pool;

    Project project;
    List<TestCaseSnapshot> cases = new ArrayList<>();

    @BeforeEach
    void casesInTheProjection() {
        project = TestProjects.create("/api/runs");
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            for (int i = 1; i <= 3; i++) {
                TestCaseSnapshot c = snapshot(UUID.randomUUID(), i, 1, "Case " + i, List.of(i == 3 ? "slow" : "smoke"));
                cases.add(c);
                testcase.publish(new TestCaseCreated(c, null));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> project.tester().api()
                .body(Map.of("projectId", project.id(), "name", "probe", "selection", Map.of("caseIds", List.of(cases.get(2).id()))))
                .post("/api/runs").statusCode() == 201);
    }

    @Test
    void aRunIsAssignedOnlyToTestersAndLeadsOfItsProjectAsAnExecutionIs() {
        UUID outsider = TestProjects.user("TESTER").id();
        for (UUID wrong : List.of(project.developer().id(), project.viewer().id(), outsider, UUID.randomUUID())) {
            project.tester().api().body(Map.of("projectId", project.id(), "name", "Given to the wrong people",
                            "selection", Map.of("caseIds", List.of(cases.get(0).id())),
                            "assignees", List.of(project.tester().id(), wrong)))
                    .post("/api/runs").then().statusCode(400).body("errors[0].field", is("assignees"))
                    .body("errors[0].message", containsString(wrong.toString()));
        }
        assertEquals(0L, pool.preparedQuery("SELECT count(*) FROM runs WHERE project_id = $1 AND name = $2")
                .execute(Tuple.of(project.id(), "Given to the wrong people")).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0), "nothing of a refused run is written");
        project.tester().api().body(Map.of("projectId", project.id(), "name", "Given to the right people",
                        "selection", Map.of("caseIds", List.of(cases.get(0).id())),
                        "assignees", List.of(project.lead().id())))
                .post("/api/runs").then().statusCode(201);
    }

    @Test
    void aRunSnapshotsItsCasesPerConfigurationAndCompletesByItself() {
        JsonPath run = project.tester().api().body(Map.of("projectId", project.id(), "name", "Release 1.0", "environment", "staging",
                        "selection", Map.of("tags", List.of("smoke")),
                        "matrix", Map.of("browser", List.of("chrome", "firefox")),
                        "assignees", List.of(project.tester().id(), project.lead().id())))
                .post("/api/runs").then().statusCode(201)
                .body("status", is("PLANNED")).body("counts.NOT_RUN", is(4)).body("configurations", contains("chrome", "firefox"))
                .extract().jsonPath();
        String runId = run.getString("id");
        List<Map<String, Object>> executions = project.viewer().api().get("/api/runs/" + runId + "/executions").then().statusCode(200)
                .body("items", hasSize(4)).body("items.configuration", contains("chrome", "firefox", "chrome", "firefox"))
                .body("items.assignee", contains(project.tester().id().toString(), project.lead().id().toString(),
                        project.tester().id().toString(), project.lead().id().toString()))
                .extract().path("items");
        String first = (String) executions.get(0).get("id");

        // The case changes after the run was created: the execution keeps its snapshot until refreshed.
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            TestCaseSnapshot edited = snapshot(cases.get(0).id(), 1, 2, "Case 1, edited", List.of("smoke"));
            testcase.publish(new TestCaseUpdated(edited, 1, null));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery("SELECT version FROM cases WHERE test_case_id = $1")
                .execute(Tuple.of(cases.get(0).id())).await().atMost(Duration.ofSeconds(5)).iterator().next().getInteger(0) == 2);
        project.tester().api().get("/api/executions/" + first).then().body("title", is("Case 1")).body("caseVersion", is(1));

        project.tester().api().body(Map.of("status", "PASS")).put("/api/executions/" + first + "/steps/1").then().statusCode(200)
                .body("status", is("IN_PROGRESS")).body("steps[0].status", is("PASS")).body("steps[0].recordedBy", is(project.tester().id().toString()));
        project.tester().api().get("/api/runs/" + runId).then().body("status", is("IN_PROGRESS")).body("counts.IN_PROGRESS", is(1));
        project.tester().api().body(Map.of("status", "FAIL", "actualResult", "Error 500")).put("/api/executions/" + first + "/steps/2")
                .then().statusCode(200).body("status", is("FAILED")).body("steps[1].actualResult", is("Error 500"));

        project.tester().api().post("/api/executions/" + first + "/refresh").then().statusCode(200)
                .body("title", is("Case 1, edited")).body("caseVersion", is(2)).body("status", is("FAILED"));

        try (WireTap wire = new WireTap(Topics.EXECUTION)) {
            for (Map<String, Object> e : executions.subList(1, 4)) {
                String id = (String) e.get("id");
                project.tester().api().body(Map.of("status", "PASS")).put("/api/executions/" + id + "/steps/1").then().statusCode(200);
                project.tester().api().body(Map.of("status", id.equals(executions.get(3).get("id")) ? "BLOCKED" : "PASS"))
                        .put("/api/executions/" + id + "/steps/2").then().statusCode(200);
            }
            project.tester().api().get("/api/runs/" + runId).then().body("status", is("COMPLETED"))
                    .body("counts.PASSED", is(2)).body("counts.FAILED", is(1)).body("counts.BLOCKED", is(1));
            // The event counts the run as its completing transaction left it, the last BLOCKED included.
            RunCompleted completed = completion(wire.until(seen -> completion(seen, runId) != null, Duration.ofSeconds(30)), runId);
            assertEquals(new StatusCounts(4, 2, 1, 1, 0, 0, 0), completed.counts());
        }

        // Re-run: the FAILED and BLOCKED ones, with their snapshots, in a new run.
        String rerun = project.tester().api().body(Map.of()).post("/api/runs/" + runId + "/rerun").then().statusCode(201)
                .body("origin", is("RERUN")).body("sourceRunId", is(runId)).body("counts.NOT_RUN", is(2)).extract().path("id");
        List<String> rerunIds = project.tester().api().get("/api/runs/" + rerun + "/executions").then().extract().path("items.id");
        project.tester().api().body(Map.of("status", "PASSED")).patch("/api/executions/" + rerunIds.get(0)).then().statusCode(200)
                .body("statusSetByHand", is(true));
        project.tester().api().get("/api/runs/compare?a=" + runId + "&b=" + rerun).then().statusCode(200)
                .body("change", contains("FIXED", "REMOVED", "REMOVED", "CHANGED"))
                .body("statusA", contains("FAILED", "PASSED", "PASSED", "BLOCKED")).body("statusB[0]", is("PASSED"));
    }

    @Test
    void aSuiteSelectsTheCasesBelowItToo() {
        UUID parent = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        UUID inChild = UUID.randomUUID();
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            testcase.publish(new SuiteSaved(parent, project.id(), null, "Checkout", null));
            testcase.publish(new SuiteSaved(child, project.id(), parent, "Coupons", null));
            TestCaseSnapshot c = snapshot(inChild, 9, 1, "Coupon applies", List.of("smoke"));
            testcase.publish(new TestCaseCreated(new TestCaseSnapshot(c.id(), c.projectId(), c.key(), 1, c.title(), null, null,
                    "FUNCTIONAL", "HIGH", "READY", List.of(), child, null, c.steps(), Map.of(), Instant.now()), null));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> project.tester().api()
                .body(Map.of("projectId", project.id(), "name", "Checkout run", "selection", Map.of("suiteIds", List.of(parent))))
                .post("/api/runs").statusCode() == 201);
        String runId = project.tester().api().queryParam("projectId", project.id()).get("/api/runs").then().extract().path("items[0].id");
        project.tester().api().get("/api/runs/" + runId + "/executions").then().body("items.title", contains("Coupon applies"));
    }

    @Test
    void aProjectsEnvironmentsBindItsRunsAndImports() {
        project.tester().api().queryParam("projectId", project.id()).body(Map.of("names", List.of("staging", "production")))
                .put("/api/runs/environments").then().statusCode(403);
        project.lead().api().queryParam("projectId", project.id()).body(Map.of("names", List.of("staging", "production", "staging")))
                .put("/api/runs/environments").then().statusCode(200).body("$", contains("staging", "production"));
        project.tester().api().body(Map.of("projectId", project.id(), "name", "On QA", "environment", "qa",
                "selection", Map.of("caseIds", List.of(cases.get(0).id())))).post("/api/runs").then().statusCode(400)
                .body("errors[0].field", is("environment")).body("errors[0].message", containsString("staging"));
        project.tester().api().contentType("application/xml").queryParam("projectId", project.id()).queryParam("environment", "qa")
                .body("<testsuite><testcase classname=\"c\" name=\"n\"/></testsuite>").post("/api/imports/junit").then().statusCode(400);
        String runId = project.tester().api().body(Map.of("projectId", project.id(), "name", "On staging", "environment", "staging",
                        "selection", Map.of("caseIds", List.of(cases.get(0).id())))).post("/api/runs").then().statusCode(201)
                .body("environment", is("staging")).extract().path("id");

        // Assignees: testers and leads of the project, or nobody.
        String id = project.tester().api().get("/api/runs/" + runId + "/executions").then().extract().path("items[0].id");
        project.tester().api().body(Map.of("assignee", project.developer().id())).put("/api/executions/" + id + "/assignee").then()
                .statusCode(400).body("errors[0].field", is("assignee"));
        project.tester().api().body(Map.of("assignee", project.lead().id())).put("/api/executions/" + id + "/assignee").then()
                .statusCode(200).body("assignee", is(project.lead().id().toString()));
        project.tester().api().body(java.util.Collections.singletonMap("assignee", null)).put("/api/executions/" + id + "/assignee")
                .then().statusCode(200).body("assignee", nullValue());

        // Time spent: start, stop, and the clock cannot be stopped twice.
        project.tester().api().post("/api/executions/" + id + "/timer/start").then().statusCode(200)
                .body("timerStartedAt", org.hamcrest.Matchers.notNullValue());
        project.tester().api().post("/api/executions/" + id + "/timer/start").then().statusCode(409);
        project.tester().api().post("/api/executions/" + id + "/timer/stop").then().statusCode(200)
                .body("timerStartedAt", nullValue()).body("timeSpentMs", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
        project.tester().api().post("/api/executions/" + id + "/timer/stop").then().statusCode(409);

        // Closed by hand with an execution still open; closing again is a conflict.
        project.tester().api().post("/api/runs/" + runId + "/close").then().statusCode(200).body("status", is("COMPLETED"))
                .body("counts.NOT_RUN", is(1));
        project.tester().api().post("/api/runs/" + runId + "/close").then().statusCode(409);
        project.viewer().api().queryParam("projectId", project.id()).queryParam("status", "COMPLETED").get("/api/runs").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(runId));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("environment", "staging").queryParam("origin", "MANUAL")
                .get("/api/runs").then().statusCode(200).body("items.id", contains(runId));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("origin", "IMPORT").get("/api/runs").then()
                .statusCode(200).body("items", hasSize(0));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("origin", "CRON").get("/api/runs").then()
                .statusCode(400).body("errors[0].field", is("origin"));
    }

    @Test
    void badStepsAndStaleVersionsAreRefused() {
        String runId = project.tester().api().body(Map.of("projectId", project.id(), "name", "Checks",
                "selection", Map.of("caseIds", List.of(cases.get(0).id())))).post("/api/runs").then().statusCode(201).extract().path("id");
        String id = project.tester().api().get("/api/runs/" + runId + "/executions").then().extract().path("items[0].id");
        project.tester().api().body(Map.of("status", "PASS")).put("/api/executions/" + id + "/steps/3").then().statusCode(400)
                .body("errors[0].field", is("index")).body("errors[0].message", containsString("1 to 2"));
        project.tester().api().body(Map.of("status", "MAYBE")).put("/api/executions/" + id + "/steps/1").then().statusCode(400)
                .body("errors[0].field", is("status"));
        project.tester().api().body(Map.of("status", "RETEST", "version", 5)).patch("/api/executions/" + id).then().statusCode(409)
                .body("currentVersion", is(0));
        project.viewer().api().body(Map.of("status", "PASS")).put("/api/executions/" + id + "/steps/1").then().statusCode(403);
        TestProjects.user("TESTER").api().get("/api/executions/" + id).then().statusCode(404);
        TestProjects.user("TESTER").api().get("/api/runs/" + runId).then().statusCode(404);
        project.tester().api().body(Map.of("projectId", project.id(), "name", "Nothing", "selection", Map.of("tags", List.of("none"))))
                .post("/api/runs").then().statusCode(400).body("errors[0].field", is("selection"));
        project.tester().api().get("/api/executions/" + id).then().body("status", is("NOT_RUN")).body("steps[0].status", nullValue());
    }

    @Test
    void twoTestersRecordingAtOnceLoseNothing() throws Exception {
        String runId = project.tester().api().body(Map.of("projectId", project.id(), "name", "Race",
                "selection", Map.of("caseIds", List.of(cases.get(1).id())))).post("/api/runs").then().statusCode(201).extract().path("id");
        String id = project.tester().api().get("/api/runs/" + runId + "/executions").then().extract().path("items[0].id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(
                    () -> project.tester().api().body(Map.of("status", "PASS")).put("/api/executions/" + id + "/steps/1").statusCode(),
                    () -> project.lead().api().body(Map.of("status", "PASS")).put("/api/executions/" + id + "/steps/2").statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            assertEquals(List.of(200, 200), statuses);
        } finally {
            pool.shutdownNow();
        }
        project.tester().api().get("/api/executions/" + id).then().body("status", is("PASSED"))
                .body("steps.status", contains("PASS", "PASS"))
                .body("steps.recordedBy", contains(project.tester().id().toString(), project.lead().id().toString()));
        project.tester().api().get("/api/runs/" + runId).then().body("status", is("COMPLETED"));
    }

    /**
     * Executions of one run recorded and closed all at once (a run's testers, or one tester per
     * configuration): each is recorded, the run starts once, and the one that closes last, whichever
     * it is, completes the run with every result counted.
     */
    @Test
    void executionsOfOneRunClosingAtOnceCompleteItOnce() throws Exception {
        String runId = project.tester().api().body(Map.of("projectId", project.id(), "name", "Crowd",
                        "selection", Map.of("caseIds", cases.stream().map(TestCaseSnapshot::id).toList()),
                        "matrix", Map.of("browser", List.of("chrome", "firefox", "safari")))).post("/api/runs").then().statusCode(201)
                .body("counts.NOT_RUN", is(9)).extract().path("id");
        List<String> ids = project.tester().api().get("/api/runs/" + runId + "/executions").then().extract().path("items.id");
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        try (WireTap wire = new WireTap(Topics.EXECUTION)) {
            List<Callable<List<Integer>>> recordings = ids.stream().<Callable<List<Integer>>>map(id -> () -> List.of(
                    project.tester().api().body(Map.of("status", "PASS")).put("/api/executions/" + id + "/steps/1").statusCode(),
                    project.tester().api().body(Map.of("status", id.equals(ids.get(0)) ? "FAIL" : "PASS"))
                            .put("/api/executions/" + id + "/steps/2").statusCode())).toList();
            for (Future<List<Integer>> f : threads.invokeAll(recordings)) {
                assertEquals(List.of(200, 200), f.get());
            }
            project.tester().api().get("/api/runs/" + runId).then().body("status", is("COMPLETED"))
                    .body("counts.PASSED", is(8)).body("counts.FAILED", is(1)).body("startedAt", org.hamcrest.Matchers.notNullValue());
            RunCompleted completed = completion(wire.until(seen -> completion(seen, runId) != null, Duration.ofSeconds(30)), runId);
            assertEquals(new StatusCounts(9, 8, 1, 0, 0, 0, 0), completed.counts());
        } finally {
            threads.shutdownNow();
        }
    }

    private TestCaseSnapshot snapshot(UUID id, int n, int version, String title, List<String> tags) {
        return new TestCaseSnapshot(id, project.id(), project.key() + "-" + n, version, title, null, null, "FUNCTIONAL", "HIGH", "READY",
                tags, null, null, List.of(new TestCaseSnapshot.Step(1, "Open", "Shown", null),
                        new TestCaseSnapshot.Step(2, "Save", "Saved", null)), Map.of(), Instant.now());
    }

    private static RunCompleted completion(List<ConsumerRecord<String, String>> records, String runId) {
        return records.stream().map(r -> EventCodec.payload(EventCodec.read(r.value())).orElse(null))
                .filter(event -> event instanceof RunCompleted done && done.runId().toString().equals(runId))
                .map(RunCompleted.class::cast).findFirst().orElse(null);
    }
}
