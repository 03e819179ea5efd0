package io.testtrack.testcase.api;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tester's life with one case: create, edit, edit steps, history, restore, clone, trash. */
@QuarkusTest
class TestCaseFlowTest {

    Project project;

    @BeforeEach
    void project() {
        project = Fixtures.project();
    }

    @Test
    void keysIncreaseAndAreNeverReused() {
        String first = Fixtures.createCase(project, "Login works");
        project.tester().api().get("/api/tests/" + first).then().statusCode(200).body("key", is(project.key() + "-1"));
        project.tester().api().delete("/api/tests/" + first).then().statusCode(204);
        String second = Fixtures.createCase(project, "Logout works");
        project.tester().api().get("/api/tests/" + second).then().statusCode(200).body("key", is(project.key() + "-2"));
    }

    @Test
    void aSearchListsEachCaseAsTheCaseItselfReads() {
        project.lead().api().body(Map.of("projectId", project.id(), "name", "browsers", "label", "Browsers",
                "type", "MULTI_SELECT", "options", List.of("chrome", "firefox"))).post("/api/fields").then().statusCode(201);
        String shared = project.tester().api().body(Map.of("projectId", project.id(), "name", "Sign in",
                "steps", Fixtures.steps("Open", "Shown", "Type", "Typed"))).post("/api/shared-steps").then().statusCode(201)
                .extract().path("id");
        String suite = project.tester().api().body(Map.of("projectId", project.id(), "name", "Cart")).post("/api/suites").then()
                .statusCode(201).extract().path("id");
        String id = Fixtures.createCase(project, "Listed in full", "type", "SECURITY", "status", "READY", "priority", "LOW",
                "tags", List.of("listed", "cart"), "estimateMinutes", 7, "suiteId", suite, "automationKey", "shop.CartTest#lists",
                "customFields", Map.of("browsers", List.of("firefox", "chrome")),
                "steps", List.of(Map.of("index", 1, "sharedStepsId", shared),
                        Map.of("index", 2, "action", "Add", "expectedResult", "Added")));
        Map<String, Object> full = project.tester().api().get("/api/tests/" + id).then().statusCode(200).extract().path("");
        Map<String, Object> listed = project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "listed full")
                .get("/api/tests").then().statusCode(200).body("total", is(1)).extract().path("items[0]");

        for (String name : List.of("id", "projectId", "key", "version", "title", "type", "priority", "status", "tags",
                "estimateMinutes", "suiteId", "automationKey", "automated", "customFields", "updatedAt")) {
            assertEquals(full.get(name), listed.get(name), name);
        }
        assertEquals(List.of("listed", "cart"), listed.get("tags"));
        assertEquals(Map.of("browsers", List.of("firefox", "chrome")), listed.get("customFields"));
        // Two steps as written: the shared group counts as one (expanded, the case has three).
        assertEquals(2, listed.get("stepCount"));
        assertNull(listed.get("deletedAt"));
    }

    @Test
    void anEditNeedsTheCurrentVersionSoNoEditIsLost() {
        String id = Fixtures.createCase(project, "Checkout");
        project.tester().api().get("/api/tests/" + id).then()
                .body("version", is(1)).body("priority", is("HIGH")).body("status", is("DRAFT")).body("type", is("FUNCTIONAL"))
                .body("steps", hasSize(2)).body("expandedSteps[1].index", is(2)).body("automated", is(false));

        Map<String, Object> edit = Fixtures.caseBody(project.id(), "Checkout with a coupon", "version", 1, "priority", "CRITICAL");
        project.tester().api().body(edit).put("/api/tests/" + id).then().statusCode(200)
                .body("version", is(2)).body("title", is("Checkout with a coupon")).body("priority", is("CRITICAL"));

        // A second tester still looking at version 1 saves: refused, and told the current version.
        Map<String, Object> stale = Fixtures.caseBody(project.id(), "Checkout (old tab)", "version", 1);
        project.lead().api().body(stale).put("/api/tests/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("type", is("/problems/stale-version"))
                .body("currentVersion", is(2)).body("detail", containsString("version 2"));
        project.tester().api().get("/api/tests/" + id).then().body("title", is("Checkout with a coupon")).body("version", is(2));

        // Saving the same content again is no new version.
        project.tester().api().body(Fixtures.caseBody(project.id(), "Checkout with a coupon", "version", 2, "priority", "CRITICAL"))
                .put("/api/tests/" + id).then().statusCode(200).body("version", is(2));
    }

    @Test
    void stepsAreAddedEditedRemovedAndReorderedInOneCall() {
        String id = Fixtures.createCase(project, "Search");
        List<Map<String, Object>> steps = List.of(
                Map.of("index", 2, "action", "Press save", "expectedResult", "Saved at once"),
                Map.of("index", 1, "action", "Type a query", "expectedResult", "Suggestions show", "testData", "shoes"),
                Map.of("index", 3, "action", "Reload", "expectedResult", "Still saved"));
        project.tester().api().body(Map.of("version", 1, "steps", steps)).put("/api/tests/" + id + "/steps").then().statusCode(200)
                .body("version", is(2))
                .body("steps.action", contains("Type a query", "Press save", "Reload"))
                .body("steps[0].testData", is("shoes"));
        project.tester().api().get("/api/tests/" + id + "/steps").then().statusCode(200)
                .body("version", is(2)).body("steps.index", contains(1, 2, 3));
        project.tester().api().get("/api/tests/" + id + "/versions").then().statusCode(200)
                .body("version", contains(2, 1)).body("[0].changes", contains("steps")).body("[0].summary", is("Steps edited"))
                .body("[0].changedBy", is(project.tester().id().toString()));
    }

    @Test
    void anOldVersionCanBeReadAndRestored() {
        String id = Fixtures.createCase(project, "Payment");
        project.tester().api().body(Fixtures.caseBody(project.id(), "Payment by card", "version", 1, "tags", List.of("card")))
                .put("/api/tests/" + id).then().statusCode(200);
        project.tester().api().get("/api/tests/" + id + "/versions/1").then().statusCode(200)
                .body("content.title", is("Payment")).body("content.tags", contains("smoke"))
                .body("expandedSteps.action", contains("Open the page", "Press save"));
        project.tester().api().get("/api/tests/" + id + "/versions/2").then().body("changes", contains("title", "description", "tags"));
        project.tester().api().get("/api/tests/" + id + "/versions/9").then().statusCode(404);

        project.tester().api().body(Map.of("version", 1)).post("/api/tests/" + id + "/versions/1/restore").then().statusCode(409)
                .body("currentVersion", is(2));
        project.tester().api().body(Map.of("version", 2)).post("/api/tests/" + id + "/versions/1/restore").then().statusCode(200)
                .body("version", is(3)).body("title", is("Payment")).body("tags", contains("smoke"));
        project.tester().api().get("/api/tests/" + id + "/versions").then()
                .body("version", contains(3, 2, 1)).body("[0].summary", is("Restored version 1"));
    }

    @Test
    void aCloneIsANewCaseWithoutTheAutomationKey() {
        String id = Fixtures.createCase(project, "Export", "automationKey", "com.shop.ExportTest#exports");
        project.tester().api().body(Map.of()).post("/api/tests/" + id + "/clone").then().statusCode(201)
                .body("title", is("Copy of Export")).body("key", is(project.key() + "-2")).body("version", is(1))
                .body("automationKey", nullValue()).body("steps", hasSize(2)).body("tags", contains("smoke"));
    }

    @Test
    void aDeletedCaseWaitsInTheTrashAndComesBack() {
        String id = Fixtures.createCase(project, "Refund");
        project.tester().api().queryParam("version", 1).delete("/api/tests/" + id).then().statusCode(204);
        project.tester().api().get("/api/tests/" + id).then().statusCode(404);
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(0));
        project.tester().api().queryParam("projectId", project.id()).queryParam("deleted", true).get("/api/tests").then()
                .body("total", is(1)).body("items[0].id", is(id)).body("items[0].deletedAt", org.hamcrest.Matchers.notNullValue());

        project.tester().api().post("/api/tests/" + id + "/restore").then().statusCode(200)
                .body("title", is("Refund")).body("version", is(2));
        project.tester().api().get("/api/tests/" + id).then().statusCode(200);
        project.tester().api().post("/api/tests/" + id + "/restore").then().statusCode(404);
    }

    @Test
    void aStaleDeleteIsRefused() {
        String id = Fixtures.createCase(project, "Stale delete");
        project.tester().api().body(Fixtures.caseBody(project.id(), "Stale delete 2", "version", 1)).put("/api/tests/" + id);
        project.tester().api().queryParam("version", 1).delete("/api/tests/" + id).then().statusCode(409)
                .body("currentVersion", equalTo(2));
    }
}
