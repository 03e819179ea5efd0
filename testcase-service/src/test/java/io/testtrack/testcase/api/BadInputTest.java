package io.testtrack.testcase.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input is a 4xx problem naming what is wrong, and nothing of it is written. */
@QuarkusTest
class BadInputTest {

    Project project;

    @BeforeEach
    void project() {
        project = Fixtures.project();
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndItsValues() {
        project.tester().api().body(Fixtures.caseBody(project.id(), "Enum", "priority", "URGENT")).post("/api/tests").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("priority")).body("errors[0].message", containsString("CRITICAL, HIGH, MEDIUM, LOW"));
        project.tester().api().body(Fixtures.caseBody(project.id(), "Enum", "type", "EXPLORATORY")).post("/api/tests").then()
                .statusCode(400).body("errors[0].field", is("type"));
        project.tester().api().queryParam("projectId", project.id()).queryParam("status", "DONE").get("/api/tests").then()
                .statusCode(400).body("errors[0].field", is("status")).body("errors[0].message", containsString("READY"));
        assertNothingWritten();
    }

    @Test
    void aDuplicateAutomationKeyIsAConflict() {
        Fixtures.createCase(project, "First", "automationKey", "com.shop.CartTest#adds");
        project.tester().api().body(Fixtures.caseBody(project.id(), "Second", "automationKey", "com.shop.CartTest#adds"))
                .post("/api/tests").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("com.shop.CartTest#adds")).body("detail", containsString(project.key() + "-1"));
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(1));
    }

    @Test
    void aCustomFieldValueOfTheWrongTypeIsRefused() {
        project.lead().api().body(Map.of("projectId", project.id(), "name", "points", "label", "Story points", "type", "NUMBER"))
                .post("/api/fields").then().statusCode(201);
        project.lead().api().body(Map.of("projectId", project.id(), "name", "browser", "label", "Browser", "type", "SELECT",
                "options", List.of("chrome", "firefox"))).post("/api/fields").then().statusCode(201);
        project.tester().api().body(Fixtures.caseBody(project.id(), "Typed", "customFields",
                        Map.of("points", "five", "browser", "safari", "colour", "red")))
                .post("/api/tests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("customFields.points")).body("errors.field", hasItem("customFields.browser"))
                .body("errors.field", hasItem("customFields.colour"))
                .body("errors.find { it.field == 'customFields.browser' }.message", containsString("chrome"));
        assertNothingWritten();
        project.tester().api().body(Fixtures.caseBody(project.id(), "Typed", "customFields", Map.of("points", 5, "browser", "chrome")))
                .post("/api/tests").then().statusCode(201).body("customFields.points", is(5)).body("customFields.browser", is("chrome"));
    }

    @Test
    void stepsWithGapsInTheirOrderAreRefused() {
        List<Map<String, Object>> gap = List.of(Map.of("index", 1, "action", "a"), Map.of("index", 3, "action", "c"));
        project.tester().api().body(Fixtures.caseBody(project.id(), "Gaps", "steps", gap)).post("/api/tests").then()
                .statusCode(400).body("errors[0].field", is("steps")).body("errors[0].message", containsString("[1, 3]"));
        List<Map<String, Object>> repeat = List.of(Map.of("index", 1, "action", "a"), Map.of("index", 1, "action", "b"));
        project.tester().api().body(Fixtures.caseBody(project.id(), "Repeats", "steps", repeat)).post("/api/tests").then()
                .statusCode(400).body("errors[0].message", containsString("no gaps or repeats"));
        List<Map<String, Object>> blank = List.of(Map.of("index", 1, "action", " "));
        project.tester().api().body(Fixtures.caseBody(project.id(), "Blank", "steps", blank)).post("/api/tests").then()
                .statusCode(400).body("errors[0].field", is("steps[0].action"));
        assertNothingWritten();

        String id = Fixtures.createCase(project, "Good");
        project.tester().api().body(Map.of("version", 1, "steps", gap)).put("/api/tests/" + id + "/steps").then().statusCode(400);
        project.tester().api().get("/api/tests/" + id).then().body("version", is(1));
    }

    @Test
    void aTenMegabyteDescriptionIsTooLarge() {
        String description = "x".repeat(10 * 1024 * 1024);
        project.tester().api().body(Fixtures.caseBody(project.id(), "Huge", "description", description)).post("/api/tests").then()
                .statusCode(413).contentType("application/problem+json").body("type", is("/problems/payload-too-large"));
        // Under the body limit but over the field's: 400 naming the field.
        project.tester().api().body(Fixtures.caseBody(project.id(), "Long", "description", "y".repeat(20_001))).post("/api/tests")
                .then().statusCode(400).body("errors[0].field", is("description"));
        assertNothingWritten();
    }

    @Test
    void malformedIdsAndBodiesAreProblems() {
        project.tester().api().get("/api/tests/not-a-uuid").then().statusCode(404);
        project.tester().api().body("{\"title\": ").post("/api/tests").then().statusCode(400)
                .body("type", is("/problems/malformed-json"));
        project.tester().api().body(Map.of("title", "No project")).post("/api/tests").then().statusCode(400)
                .body("errors[0].field", is("projectId"));
        project.tester().api().body(Fixtures.caseBody(project.id(), "Bad suite", "suiteId", java.util.UUID.randomUUID()))
                .post("/api/tests").then().statusCode(400).body("errors[0].field", is("suiteId"));
        project.tester().api().queryParam("projectId", project.id()).queryParam("cursor", "garbage").get("/api/tests").then()
                .statusCode(400).body("errors[0].field", is("cursor"));
        project.tester().api().queryParam("projectId", project.id()).queryParam("limit", 1000).get("/api/tests").then()
                .statusCode(400).body("errors[0].field", is("limit"));
        assertNothingWritten();
    }

    @Test
    void aNulCharacterInAnyTextIsRefusedAsBadInput() {
        project.tester().api().body(Fixtures.caseBody(project.id(), "Nul\u0000title")).post("/api/tests").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("U+0000"));
        project.tester().api().body(Fixtures.caseBody(project.id(), "Nul in a step", "steps",
                        List.of(Map.of("index", 1, "action", "Press\u0000enter")))).post("/api/tests").then().statusCode(400)
                .body("detail", containsString("U+0000"));
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id())
                .body("title,description\nNul,in the\u0000description\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/tests/import").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("U+0000"));
        assertNothingWritten();
        project.tester().api().queryParam("projectId", project.id()).get("/api/suites").then().body("$", hasSize(0));
        // Searching for one is a bad search, not a bad cursor or a failure.
        project.tester().api().queryParam("projectId", project.id()).queryParam("q", "nul\u0000term").get("/api/tests").then()
                .statusCode(400).body("type", is("/problems/invalid-request")).body("detail", containsString("U+0000"));
    }

    private void assertNothingWritten() {
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().statusCode(200).body("total", is(0));
        project.tester().api().queryParam("projectId", project.id()).queryParam("deleted", true).get("/api/tests").then()
                .body("total", is(0));
    }
}
