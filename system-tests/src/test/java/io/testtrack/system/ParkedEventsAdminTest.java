package io.testtrack.system;

import static io.testtrack.system.Stack.as;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** The administrator's view of parked events across every service, through the gateway. */
class ParkedEventsAdminTest {

    @Test
    void theAdminSeesEveryServicesParkedEventsAndNoOneElseDoes() {
        String admin = Stack.admin();
        as(admin).get("/api/admin/parked-events").then().statusCode(200)
                .body("unreachable", empty());
        as(admin).get("/api/admin/parked-events/execution-service/987654321").then().statusCode(404)
                .contentType("application/problem+json");
        as(admin).post("/api/admin/parked-events/no-such-service/1/replay").then().statusCode(404);
        as(admin).queryParam("since", "yesterday").get("/api/admin/parked-events").then().statusCode(400)
                .contentType("application/problem+json");

        String tester = Stack.signIn(Stack.user(admin, "TESTER"), Stack.PASSWORD);
        as(tester).get("/api/admin/parked-events").then().statusCode(403).contentType("application/problem+json");
        as(tester).delete("/api/admin/parked-events/execution-service/1").then().statusCode(403);
        // the services' own endpoint is internal: the gateway does not route it
        as(admin).get("/internal/parked-events").then().statusCode(404);
    }
}
