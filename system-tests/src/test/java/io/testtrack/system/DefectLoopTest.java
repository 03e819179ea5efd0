package io.testtrack.system;

import static io.testtrack.system.Stack.as;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closed loop of a defect across the platform, through the gateway only: a tester records a
 * failed step in execution-service and files a defect from it in one call to defect-service
 * (prefilled from what execution-service announced); a developer fixes it; execution-service makes
 * the re-test defect-service asks for; the re-test's outcome moves the defect by itself.
 */
class DefectLoopTest {

    private static final Duration LOOP = Duration.ofSeconds(60);

    private String admin;
    private UUID project;
    private String tester;
    private String testerId;
    private String developer;
    private String developerId;
    private String caseId;
    private int caseVersion;

    @BeforeEach
    void aProjectWithATesterADeveloperAndACaseOfTwoSteps() {
        admin = Stack.admin();
        project = Stack.project(admin, "Defect loop");
        String testerEmail = Stack.user(admin, "TESTER");
        String developerEmail = Stack.user(admin, "DEVELOPER");
        as(admin).body(Map.of("email", testerEmail, "role", "TESTER")).post("/api/projects/" + project + "/members").then().statusCode(201);
        as(admin).body(Map.of("email", developerEmail, "role", "DEVELOPER")).post("/api/projects/" + project + "/members")
                .then().statusCode(201);
        tester = Stack.signIn(testerEmail, Stack.PASSWORD);
        developer = Stack.signIn(developerEmail, Stack.PASSWORD);
        testerId = as(tester).get("/api/auth/me").then().statusCode(200).extract().path("id");
        developerId = as(developer).get("/api/auth/me").then().statusCode(200).extract().path("id");
        JsonPath created = as(tester).body(Map.of("projectId", project, "title", "Pay with a saved card", "steps", List.of(
                        Map.of("index", 1, "action", "Open the basket", "expectedResult", "Two items"),
                        Map.of("index", 2, "action", "Pay with the saved card", "expectedResult", "The order is confirmed"))))
                .post("/api/tests").then().statusCode(201).extract().jsonPath();
        caseId = created.getString("id");
        caseVersion = created.getInt("version");
    }

    @Test
    void aFixedDefectIsReTestedByThePlatformAndVerifiedByThePassingReTest() {
        String failed = failedExecution();
        JsonPath defect = fileFromStep(failed);
        String id = defect.getString("id");
        String key = defect.getString("key");

        fix(id);
        JsonPath retest = awaitRetest(id);
        assertEquals(testerId, retest.getString("assignee"), "the re-test is the reporter's to run");
        assertEquals(caseId, retest.getString("testCaseId"));
        assertEquals(caseVersion, retest.getInt("caseVersion"), "the re-test runs the case version that failed");
        String runName = as(tester).get("/api/runs/" + retest.getString("runId")).then().statusCode(200).extract().path("name");
        assertTrue(runName.contains(key), "the re-test's run is named for the defect: " + runName);

        String retestId = retest.getString("id");
        record(retestId, 1, "PASS", null);
        record(retestId, 2, "PASS", null);
        awaitStatus(id, "VERIFIED_FIXED");

        Map<String, Object> verified = lastMove(id);
        assertEquals("VERIFIED_FIXED", verified.get("to"));
        assertNull(verified.get("actorId"), "nobody made the move by hand");
        assertEquals(retestId, verified.get("causeExecutionId"), "the passing re-test is the cause in the history");
        as(tester).queryParam("executionId", failed).get("/api/bugs").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", is("VERIFIED_FIXED"));
    }

    @Test
    void aFailingReTestReopensTheDefect() {
        String failed = failedExecution();
        String id = fileFromStep(failed).getString("id");

        fix(id);
        String retestId = awaitRetest(id).getString("id");
        record(retestId, 1, "PASS", null);
        record(retestId, 2, "FAIL", "Error 500 again");
        awaitStatus(id, "REOPENED");

        Map<String, Object> reopened = lastMove(id);
        assertNull(reopened.get("actorId"));
        assertEquals(retestId, reopened.get("causeExecutionId"), "the failing re-test is the cause in the history");
        // the re-opened defect goes back to its developer's queue as the workflow says
        as(tester).get("/api/bugs/" + id + "/transitions").then().statusCode(200).body("to", is(List.of("ASSIGNED", "CLOSED")));
    }

    /** A run of the case, in which the tester passes step 1 and fails step 2; answers the execution's id. */
    private String failedExecution() {
        Map<String, Object> run = Map.of("projectId", project, "name", "Release 2.3 regression", "environment", "staging",
                "buildVersion", "2.3.0-rc1", "selection", Map.of("caseIds", List.of(caseId)));
        // execution-service learns of the new case from testcase-service's event: until then the selection is empty (400)
        String runId = Awaitility.await("execution-service knows the new case").atMost(LOOP).pollInterval(Duration.ofMillis(250))
                .until(() -> as(tester).body(run).post("/api/runs"), r -> r.statusCode() == 201).path("id");
        String execution = as(tester).get("/api/runs/" + runId + "/executions").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
        record(execution, 1, "PASS", null);
        record(execution, 2, "FAIL", "Error 500");
        return execution;
    }

    /** Files a defect from step 2 of the execution in one call, and checks what it was prefilled with. */
    private JsonPath fileFromStep(String execution) {
        Map<String, Object> body = Map.of("executionId", execution, "stepIndex", 2, "severity", "CRITICAL");
        // defect-service learns of the failed step from execution-service's event: until then the step is unknown (404)
        Response filed = Awaitility.await("defect-service knows the failed step").atMost(LOOP).pollInterval(Duration.ofMillis(250))
                .until(() -> as(tester).body(body).post("/api/bugs"), r -> r.statusCode() != 404);
        JsonPath defect = filed.then().statusCode(201).extract().jsonPath();
        assertEquals("NEW", defect.getString("status"));
        assertTrue(defect.getString("title").contains("Pay with a saved card"), defect.getString("title"));
        assertEquals("The order is confirmed", defect.getString("expectedResult"));
        assertTrue(defect.getString("actualResult").startsWith("Error 500"), defect.getString("actualResult"));
        assertTrue(defect.getString("stepsToReproduce").contains("Pay with the saved card"), defect.getString("stepsToReproduce"));
        assertEquals("staging", defect.getString("environment"));
        assertEquals("2.3.0-rc1", defect.getString("build"));
        assertEquals(caseId, defect.getString("testCaseId"));
        assertEquals(caseVersion, defect.getInt("caseVersion"));
        assertEquals(execution, defect.getString("executionId"));
        assertEquals(2, defect.getInt("stepIndex"));
        assertEquals(testerId, defect.getString("reporterId"));
        assertEquals("CRITICAL", defect.getString("severity"));
        as(tester).queryParam("executionId", execution).get("/api/bugs").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", is(defect.getString("id")));
        return defect;
    }

    /** The tester assigns the defect to the developer, who starts it and fixes it with a fix note. */
    private void fix(String id) {
        move(tester, id, Map.of("to", "ASSIGNED", "assigneeId", developerId));
        move(developer, id, Map.of("to", "IN_PROGRESS"));
        JsonPath fixed = move(developer, id, Map.of("to", "FIXED", "fix", Map.of("rootCause", "The saved card's token expired",
                "summary", "Renew the token before paying", "link", "https://github.com/shop/shop/pull/42")));
        assertEquals("Renew the token before paying", fixed.getString("fix.summary"));
    }

    /** Waits for execution-service to make the re-test and defect-service to learn of it; answers the re-test execution. */
    private JsonPath awaitRetest(String id) {
        awaitStatus(id, "AWAITING_VERIFICATION");
        String retestId = as(tester).get("/api/bugs/" + id).then().statusCode(200).extract().path("retestExecutionId");
        assertNotNull(retestId, "the defect names its re-test execution");
        Map<String, Object> awaiting = lastMove(id);
        assertEquals("AWAITING_VERIFICATION", awaiting.get("to"));
        assertEquals(retestId, awaiting.get("causeExecutionId"));
        return as(tester).get("/api/executions/" + retestId).then().statusCode(200).body("status", is("NOT_RUN")).extract().jsonPath();
    }

    private JsonPath move(String token, String id, Map<String, Object> transition) {
        int version = as(token).get("/api/bugs/" + id).then().statusCode(200).extract().path("version");
        Map<String, Object> body = new java.util.HashMap<>(transition);
        body.put("version", version);
        return as(token).body(body).post("/api/bugs/" + id + "/transitions").then().statusCode(200)
                .body("status", is(transition.get("to"))).extract().jsonPath();
    }

    private void record(String execution, int step, String status, String actual) {
        Map<String, Object> body = actual == null ? Map.of("status", status) : Map.of("status", status, "actualResult", actual);
        as(tester).body(body).put("/api/executions/" + execution + "/steps/" + step).then().statusCode(200);
    }

    private void awaitStatus(String id, String status) {
        Awaitility.await("defect " + status).atMost(LOOP).pollInterval(Duration.ofMillis(200))
                .until(() -> as(tester).get("/api/bugs/" + id).then().statusCode(200).extract().<String>path("status"), status::equals);
    }

    private Map<String, Object> lastMove(String id) {
        List<Map<String, Object>> moves = as(tester).get("/api/bugs/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.field == 'status' }");
        return moves.get(moves.size() - 1);
    }
}
