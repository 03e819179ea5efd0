package io.testtrack.testcase.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.testcase.Fixtures;
import io.testtrack.testcase.service.SearchTotals;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search totals are kept between searches (counting is a text search's main cost) and stay exact:
 * every change to a project's cases or suites, made here or by another replica, is in the next total.
 */
@QuarkusTest
class SearchTotalsTest {

    @Inject
    Pool pool;

    @Inject
    SearchTotals totals;

    Project project;

    @BeforeEach
    void project() {
        project = Fixtures.project();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(totals::listening);
    }

    @Test
    void totalsFollowEveryChangeMadeThroughTheService() {
        String parent = suite("Parent", null);
        String child = suite("Child", parent);
        String first = Fixtures.createCase(project, "Refund by voucher", "suiteId", child);
        Fixtures.createCase(project, "Refund by card", "suiteId", child);
        assertEquals(2, total(Map.of("q", "refund")));
        assertEquals(2, total(Map.of("q", "refund")));
        assertEquals(2, total(Map.of("suiteId", parent)));

        Fixtures.createCase(project, "Refund in cash", "suiteId", child);
        assertEquals(3, total(Map.of("q", "refund")));

        project.tester().api().delete("/api/tests/" + first + "?version=1").then().statusCode(204);
        assertEquals(2, total(Map.of("q", "refund")));
        assertEquals(1, total(Map.of("q", "refund", "deleted", "true")));

        // the cases did not change, but the suite filter takes descendants and the child moved out
        project.tester().api().body(Map.of()).post("/api/suites/" + child + "/move").then().statusCode(200);
        assertEquals(0, total(Map.of("suiteId", parent)));
    }

    @Test
    void aChangeCommittedByAnotherReplicaReachesTheTotalsThroughTheDatabase() {
        String id = Fixtures.createCase(project, "Voucher expiry");
        Fixtures.createCase(project, "Voucher reuse");
        assertEquals(2, total(Map.of("q", "voucher")));
        // what another replica's delete commits: only the database's NOTIFY tells this one
        sql("UPDATE test_cases SET deleted_at = now() WHERE id = $1", UUID.fromString(id));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> total(Map.of("q", "voucher")) == 1);
    }

    @Test
    void aTotalIsKeptUntilAChangeIsAnnounced() {
        String id = Fixtures.createCase(project, "Gift card balance");
        Fixtures.createCase(project, "Gift card top-up");
        assertEquals(2, total(Map.of("q", "gift")));
        sql("ALTER TABLE test_cases DISABLE TRIGGER test_cases_search_changed", null);
        try {
            sql("UPDATE test_cases SET deleted_at = now() WHERE id = $1", UUID.fromString(id));
            JsonPath page = search(Map.of("q", "gift"));
            assertEquals(1, page.getList("items").size());
            assertEquals(2, page.getLong("total"), "an unannounced change is not counted: the total was kept");
        } finally {
            sql("ALTER TABLE test_cases ENABLE TRIGGER test_cases_search_changed", null);
        }
        sql("UPDATE test_cases SET title = title || ' (checked)' WHERE id = $1", UUID.fromString(id));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> total(Map.of("q", "gift")) == 1);
    }

    private long total(Map<String, String> filter) {
        return search(filter).getLong("total");
    }

    private JsonPath search(Map<String, String> filter) {
        return project.viewer().api().queryParam("projectId", project.id()).queryParams(filter).get("/api/tests")
                .then().statusCode(200).extract().jsonPath();
    }

    private String suite(String name, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("projectId", project.id(), "name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return project.tester().api().body(body).post("/api/suites").then().statusCode(201).extract().path("id");
    }

    private void sql(String statement, UUID id) {
        (id == null ? pool.query(statement).execute() : pool.preparedQuery(statement).execute(Tuple.of(id)))
                .await().atMost(Duration.ofSeconds(10));
    }
}
