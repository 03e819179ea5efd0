package io.testtrack.testcase.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The suite tree: ordered siblings, moves that keep it a tree, deletes that refuse to lose cases silently. */
@QuarkusTest
class SuiteTest {

    Project project;

    @BeforeEach
    void project() {
        project = Fixtures.project();
    }

    @Test
    void siblingsStayOrderedThroughMoves() {
        String a = suite("A", null);
        String b = suite("B", null);
        String c = suite("C", null);
        assertRootOrder("A", "B", "C");
        project.tester().api().body(Map.of("position", 0)).post("/api/suites/" + c + "/move").then().statusCode(200)
                .body("position", is(0)).body("version", is(1));
        assertRootOrder("C", "A", "B");
        project.tester().api().body(Map.of("parentId", a)).post("/api/suites/" + b + "/move").then().statusCode(200)
                .body("parentId", is(a)).body("position", is(0));
        assertRootOrder("C", "A");
        project.tester().api().body(Map.of("name", "Checkout", "version", 0)).patch("/api/suites/" + c).then().statusCode(409)
                .body("currentVersion", is(1));
        project.tester().api().body(Map.of("name", "Checkout", "version", 1)).patch("/api/suites/" + c).then().statusCode(200)
                .body("name", is("Checkout"));
    }

    @Test
    void aSuiteCannotMoveUnderItselfOrClashWithASibling() {
        String parent = suite("Parent", null);
        String child = suite("Child", parent);
        String grandchild = suite("Grandchild", child);
        project.tester().api().body(Map.of("parentId", grandchild)).post("/api/suites/" + parent + "/move").then().statusCode(400)
                .body("errors[0].field", is("parentId"));
        project.tester().api().body(Map.of("parentId", parent)).post("/api/suites/" + parent + "/move").then().statusCode(400);
        suite("Child", null);
        project.tester().api().body(new HashMap<>()).post("/api/suites/" + child + "/move").then().statusCode(409)
                .body("detail", containsString("Child"));
        project.tester().api().body(Map.of("projectId", project.id(), "name", "child", "parentId", parent)).post("/api/suites").then()
                .statusCode(409);
        project.tester().api().body(Map.of("projectId", project.id(), "name", "A/B")).post("/api/suites").then().statusCode(400)
                .body("errors[0].field", is("name"));
        Project other = Fixtures.project();
        other.tester().api().body(Map.of("projectId", other.id(), "name", "Sneaky", "parentId", parent)).post("/api/suites").then()
                .statusCode(400).body("errors[0].field", is("parentId"));
    }

    @Test
    void aSuiteWithContentIsDeletedOnlyWithCascadeAndItsCasesGoToTheTrash() {
        String parent = suite("Parent", null);
        String child = suite("Child", parent);
        String inChild = Fixtures.createCase(project, "In child", "suiteId", child);
        String elsewhere = Fixtures.createCase(project, "Elsewhere");
        project.tester().api().delete("/api/suites/" + parent).then().statusCode(409)
                .body("detail", containsString("1 suite(s) and 1 test case(s)"));
        project.tester().api().queryParam("cascade", true).delete("/api/suites/" + parent).then().statusCode(200)
                .body("casesMovedToTrash", is(1));
        project.tester().api().queryParam("projectId", project.id()).get("/api/suites").then().body("size()", is(0));
        project.tester().api().get("/api/tests/" + inChild).then().statusCode(404);
        project.tester().api().get("/api/tests/" + elsewhere).then().statusCode(200);
        project.tester().api().post("/api/tests/" + inChild + "/restore").then().statusCode(200).body("suiteId", org.hamcrest.Matchers.nullValue());
        String empty = suite("Empty", null);
        project.tester().api().delete("/api/suites/" + empty).then().statusCode(200).body("casesMovedToTrash", is(0));
    }

    @Test
    void bulkChangesManyCasesAtOnceOrNone() {
        String target = suite("Target", null);
        String one = Fixtures.createCase(project, "One");
        String two = Fixtures.createCase(project, "Two", "tags", List.of("smoke", "old"));
        Map<String, Object> update = new HashMap<>(Map.of("projectId", project.id(), "ids", List.of(one, two), "action", "UPDATE",
                "suiteId", target, "priority", "LOW", "status", "READY"));
        update.put("addTags", List.of("Regression"));
        update.put("removeTags", List.of("old"));
        project.tester().api().body(update).post("/api/tests/bulk").then().statusCode(200).body("affected", is(2));
        project.tester().api().get("/api/tests/" + two).then().body("suiteId", is(target)).body("priority", is("LOW"))
                .body("status", is("READY")).body("tags", org.hamcrest.Matchers.contains("smoke", "regression")).body("version", is(2));

        // One id from another project fails the whole request.
        Project other = Fixtures.project();
        String foreign = Fixtures.createCase(other, "Foreign");
        project.tester().api().body(Map.of("projectId", project.id(), "ids", List.of(one, foreign), "action", "DELETE"))
                .post("/api/tests/bulk").then().statusCode(404).body("detail", containsString(foreign));
        project.tester().api().get("/api/tests/" + one).then().statusCode(200);

        project.tester().api().body(Map.of("projectId", project.id(), "ids", List.of(one, two), "action", "DELETE"))
                .post("/api/tests/bulk").then().statusCode(200).body("affected", is(2));
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(0));
        project.tester().api().body(Map.of("projectId", project.id(), "ids", List.of(one, two), "action", "RESTORE"))
                .post("/api/tests/bulk").then().statusCode(200).body("affected", is(2));
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(2));
        project.tester().api().body(Map.of("projectId", project.id(), "ids", List.of(one), "action", "UPDATE"))
                .post("/api/tests/bulk").then().statusCode(400);
    }

    private String suite(String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("projectId", project.id(), "name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return project.tester().api().body(body).post("/api/suites").then().statusCode(201).extract().path("id");
    }

    private void assertRootOrder(String... names) {
        project.tester().api().queryParam("projectId", project.id()).get("/api/suites").then().statusCode(200)
                .body("findAll { it.parentId == null }.sort { it.position }.name", org.hamcrest.Matchers.contains(names))
                .body("findAll { it.parentId == null }.position", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.lessThan(names.length)));
    }
}
