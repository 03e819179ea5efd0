package io.testtrack.system;

import static io.restassured.RestAssured.given;
import static io.testtrack.system.Stack.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The loop the platform runs for CI on its own: a JUnit report with tests nobody wrote a case for
 * is imported through the gateway; execution-service announces them; testcase-service makes a
 * case of each; execution-service learns of the cases and links the imported executions to them.
 * One test, across the three services and the broker.
 */
class DiscoveryFlowTest {

    private static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="com.shop.CheckoutTest" tests="3" failures="1">
                <testcase classname="com.shop.CheckoutTest" name="paysByCard" time="0.12"/>
                <testcase classname="com.shop.CheckoutTest" name="refusesExpiredCard" time="0.08">
                  <failure message="expected refusal">AssertionError: expected refusal
                    at com.shop.CheckoutTest.refusesExpiredCard(CheckoutTest.java:42)</failure>
                </testcase>
                <testcase classname="com.shop.CartTest" name="emptiesCart" time="0.01"/>
              </testsuite>
            </testsuites>
            """;

    @Test
    void anImportedReportsUnknownTestsBecomeCasesAndTheirExecutionsAreLinkedToThem() {
        String admin = Stack.admin();
        UUID project = Stack.project(admin, "Discovery");
        String ci = as(admin).body(Map.of("name", "pipeline", "role", "TESTER")).post("/api/projects/" + project + "/tokens")
                .then().statusCode(201).extract().path("token");

        String runId = given().baseUri(Stack.GATEWAY).header("Authorization", "Bearer " + ci)
                .header("Idempotency-Key", "build-" + UUID.randomUUID()).contentType("application/xml")
                .queryParam("projectId", project).queryParam("buildVersion", "2.0.1").body(REPORT)
                .post("/api/imports/junit")
                .then().statusCode(201).body("total", equalTo(3)).body("failed", equalTo(1)).body("discovered", equalTo(3))
                .extract().path("runId");

        Set<String> keys = Set.of("com.shop.CheckoutTest#paysByCard", "com.shop.CheckoutTest#refusesExpiredCard",
                "com.shop.CartTest#emptiesCart");
        Awaitility.await("cases made for the discovered tests").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> automationKeys(ci, project).equals(keys));

        Awaitility.await("executions linked to the new cases").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> executions(ci, runId).stream().allMatch(e -> e.get("testCaseId") != null));
        List<Map<String, Object>> executions = executions(ci, runId);
        assertEquals(3, executions.size());
        Map<String, String> caseOfKey = cases(ci, project).stream()
                .collect(Collectors.toMap(c -> (String) c.get("automationKey"), c -> (String) c.get("id")));
        for (Map<String, Object> execution : executions) {
            assertEquals(caseOfKey.get((String) execution.get("automationKey")), execution.get("testCaseId"),
                    "each execution belongs to the case of its own test: " + execution);
            assertTrue(execution.get("caseKey") != null, "the execution shows its case's key: " + execution);
        }
    }

    private static Set<String> automationKeys(String token, UUID project) {
        return cases(token, project).stream().map(c -> (String) c.get("automationKey")).collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> cases(String token, UUID project) {
        JsonPath page = as(token).queryParam("projectId", project).queryParam("limit", 50).get("/api/tests")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    private static List<Map<String, Object>> executions(String token, String runId) {
        return as(token).get("/api/runs/" + runId + "/executions").then().statusCode(200).extract().jsonPath().getList("items");
    }
}
