package io.testtrack.system;

import static io.testtrack.system.Stack.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a CI script or the web UI does: create a project, a member or an API token, and use it at
 * once in another service, with no pause. Each service learns of projects and members from
 * auth-service's events, some milliseconds later; until then a miss is asked of auth-service.
 */
class ReadYourWritesTest {

    private static final int ROUNDS = 100;

    @Test
    void whatWasJustCreatedIsUsableAtOnceInEveryServiceAHundredTimesInARow() {
        String admin = Stack.admin();
        String testerEmail = Stack.user(admin, "TESTER");
        String tester = Stack.signIn(testerEmail, Stack.PASSWORD);
        int succeeded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            UUID project = Stack.project(admin, "Read your writes " + round);
            // the admin uses the new project at once, in testcase-service and execution-service
            as(admin).body(Map.of("projectId", project, "name", "Suite " + round)).post("/api/suites").then().statusCode(201);
            as(admin).queryParam("projectId", project).get("/api/runs").then().statusCode(200);
            // a member just added acts at once
            as(admin).body(Map.of("email", testerEmail, "role", "TESTER")).post("/api/projects/" + project + "/members")
                    .then().statusCode(201);
            as(tester).body(Map.of("projectId", project, "title", "Case " + round)).post("/api/tests").then().statusCode(201);
            // an API token just made works at once, as a CI pipeline uses it
            String token = as(admin).body(Map.of("name", "ci " + round, "role", "TESTER"))
                    .post("/api/projects/" + project + "/tokens").then().statusCode(201).extract().path("token");
            as(token).queryParam("projectId", project).get("/api/tests").then().statusCode(200)
                    .body("items.size()", equalTo(1));
            succeeded++;
        }
        assertEquals(ROUNDS, succeeded);
    }

    @Test
    void someoneOutsideTheProjectStillGetsA404() {
        String admin = Stack.admin();
        UUID project = Stack.project(admin, "Not yours");
        String outsider = Stack.signIn(Stack.user(admin, "TESTER"), Stack.PASSWORD);
        as(outsider).queryParam("projectId", project).get("/api/tests").then().statusCode(404)
                .contentType("application/problem+json");
        as(outsider).body(Map.of("projectId", project, "name", "Mine now")).post("/api/suites").then().statusCode(404);
        as(outsider).queryParam("projectId", UUID.randomUUID()).get("/api/runs").then().statusCode(404);
    }
}
