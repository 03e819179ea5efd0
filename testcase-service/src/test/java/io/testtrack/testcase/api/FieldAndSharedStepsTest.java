package io.testtrack.testcase.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom field definitions and shared steps: changes that would silently break cases are refused. */
@QuarkusTest
class FieldAndSharedStepsTest {

    Project project;

    @BeforeEach
    void project() {
        project = Fixtures.project();
    }

    @Test
    void fieldsInUseKeepTheirOptionsAndCannotBeDeleted() {
        String field = project.lead().api().body(Map.of("projectId", project.id(), "name", "browser", "label", "Browser",
                "type", "SELECT", "options", List.of("chrome", "firefox"))).post("/api/fields").then().statusCode(201).extract().path("id");
        project.lead().api().body(Map.of("projectId", project.id(), "name", "browser", "label", "Again", "type", "TEXT"))
                .post("/api/fields").then().statusCode(409);
        project.lead().api().body(Map.of("projectId", project.id(), "name", "Bad Name", "label", "x", "type", "TEXT"))
                .post("/api/fields").then().statusCode(400).body("errors[0].field", is("name"));
        project.lead().api().body(Map.of("projectId", project.id(), "name", "empty", "label", "x", "type", "SELECT"))
                .post("/api/fields").then().statusCode(400).body("errors[0].field", is("options"));
        String id = Fixtures.createCase(project, "Uses chrome", "customFields", Map.of("browser", "chrome"));

        project.lead().api().body(Map.of("label", "Browser", "options", List.of("firefox"))).put("/api/fields/" + field).then()
                .statusCode(409).body("detail", containsString("chrome"));
        project.lead().api().body(Map.of("label", "Browser", "options", List.of("chrome", "safari"), "required", true, "version", 0))
                .put("/api/fields/" + field).then().statusCode(200).body("options", contains("chrome", "safari")).body("version", is(1));
        project.tester().api().body(Fixtures.caseBody(project.id(), "Missing required")).post("/api/tests").then().statusCode(400)
                .body("errors[0].field", is("customFields.browser")).body("errors[0].message", is("is required"));
        project.lead().api().delete("/api/fields/" + field).then().statusCode(409);
        project.tester().api().queryParam("projectId", project.id()).queryParam("cf.browser", "chrome").get("/api/tests").then()
                .body("total", is(1)).body("items[0].id", is(id));
        project.tester().api().queryParam("projectId", project.id()).queryParam("cf.nope", "x").get("/api/tests").then()
                .statusCode(400).body("errors[0].field", is("cf.nope"));
    }

    @Test
    void sharedStepsIncludedByCasesCannotBeDeletedAndCannotNest() {
        String shared = project.tester().api().body(Map.of("projectId", project.id(), "name", "Sign in",
                "steps", Fixtures.steps("Open", "Shown"))).post("/api/shared-steps").then().statusCode(201).extract().path("id");
        project.tester().api().body(Map.of("projectId", project.id(), "name", "sign IN", "steps", Fixtures.steps("a", "b")))
                .post("/api/shared-steps").then().statusCode(409);
        project.tester().api().body(Map.of("projectId", project.id(), "name", "Nested",
                "steps", List.of(Map.of("index", 1, "sharedStepsId", shared)))).post("/api/shared-steps").then().statusCode(400);
        String id = Fixtures.createCase(project, "Includes", "steps", List.of(Map.of("index", 1, "sharedStepsId", shared)));
        project.tester().api().get("/api/tests/" + id).then().body("steps[0].sharedStepsId", is(shared))
                .body("expandedSteps[0].action", is("Open"));
        project.tester().api().delete("/api/shared-steps/" + shared).then().statusCode(409).body("detail", containsString(project.key() + "-1"));
        Project other = Fixtures.project();
        other.tester().api().body(Fixtures.caseBody(other.id(), "Borrows", "steps", List.of(Map.of("index", 1, "sharedStepsId", shared))))
                .post("/api/tests").then().statusCode(400).body("errors[0].field", is("steps"));

        project.tester().api().body(Map.of("name", "Sign in", "version", 1, "steps", Fixtures.steps("Open", "Shown", "Type", "Typed")))
                .put("/api/shared-steps/" + shared).then().statusCode(200).body("version", is(2)).body("casesUpdated", is(1));
        project.tester().api().get("/api/tests/" + id).then().body("version", is(2)).body("expandedSteps.action", contains("Open", "Type"));
        project.tester().api().get("/api/tests/" + id + "/versions").then().body("[0].summary", containsString("Sign in"));
        project.tester().api().body(Map.of("name", "Sign in", "version", 1, "steps", Fixtures.steps("x", "y")))
                .put("/api/shared-steps/" + shared).then().statusCode(409).body("currentVersion", is(2));

        project.tester().api().delete("/api/tests/" + id).then().statusCode(204);
        project.tester().api().delete("/api/shared-steps/" + shared).then().statusCode(204);
        // The deleted case's restore still works: its old version had the group, so its steps are inlined.
        project.tester().api().post("/api/tests/" + id + "/restore").then().statusCode(200);
    }
}
