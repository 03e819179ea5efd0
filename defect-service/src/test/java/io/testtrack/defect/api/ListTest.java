package io.testtrack.defect.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.defect.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists: filters, full-text search, "my open defects", keyset pages, counts for a board. */
@QuarkusTest
class ListTest {

    Project project;

    @BeforeEach
    void defects() {
        project = Fixtures.project();
        Fixtures.defect(project, project.tester(), "Checkout button misaligned", Map.of("severity", "MINOR", "priority", "P3",
                "tags", List.of("ui")));
        Fixtures.defect(project, project.tester(), "Payment declined for saved cards", Map.of("severity", "CRITICAL", "priority", "P0",
                "description", "The gateway answers with an error when customers pay", "tags", List.of("payments", "ui"),
                "assigneeId", project.developer().id()));
        Fixtures.defect(project, project.lead(), "Search results are slow", Map.of("severity", "MAJOR",
                "assigneeId", project.developer().id()));
        String closed = Fixtures.defect(project, project.tester(), "Typo on the payment page", Map.of("assigneeId", project.developer().id()))
                .getString("id");
        Fixtures.move(project.tester(), closed, Map.of("to", "CLOSED", "resolution", "WONT_FIX"));
    }

    @Test
    void filtersCombineAndTheNewestComesFirst() {
        project.viewer().api().queryParam("projectId", project.id()).get("/api/bugs").then().statusCode(200)
                .body("items.title", contains("Typo on the payment page", "Search results are slow", "Payment declined for saved cards",
                        "Checkout button misaligned"))
                .body("nextCursor", nullValue());
        project.viewer().api().queryParam("projectId", project.id()).queryParam("severity", "critical,minor").get("/api/bugs").then()
                .body("items.title", contains("Payment declined for saved cards", "Checkout button misaligned"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("status", "ASSIGNED").queryParam("priority", "P0")
                .get("/api/bugs").then().body("items.title", contains("Payment declined for saved cards"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("tags", "ui,payments").get("/api/bugs").then()
                .body("items.title", contains("Payment declined for saved cards"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("reporterId", project.lead().id()).get("/api/bugs").then()
                .body("items.title", contains("Search results are slow"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("severity", "HUGE").get("/api/bugs").then()
                .statusCode(400).body("errors[0].field", is("severity"));
    }

    @Test
    void textSearchFindsWordsInTitlesAndTextsWithTheirStems() {
        project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "payment").get("/api/bugs").then()
                .body("items.title", containsInAnyOrder("Typo on the payment page", "Payment declined for saved cards"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "customer paying").get("/api/bugs").then()
                .body("items.title", contains("Payment declined for saved cards"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("q", project.key() + "-B3").get("/api/bugs").then()
                .body("items.title", contains("Search results are slow"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "\"nothing like this\" -x").get("/api/bugs").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void myOpenDefectsSpanMyProjectsAndLeaveClosedOnesOut() {
        Project other = Fixtures.project();
        Fixtures.defect(other, other.tester(), "Not mine at all", Map.of("assigneeId", other.developer().id()));

        project.developer().api().queryParam("assigneeId", "me").queryParam("open", true).get("/api/bugs").then().statusCode(200)
                .body("items.title", contains("Search results are slow", "Payment declined for saved cards"));
        project.developer().api().queryParam("assigneeId", "me").get("/api/bugs").then().body("items", hasSize(3));
        project.developer().api().get("/api/bugs").then().statusCode(400).body("errors[0].field", is("projectId"));
        project.developer().api().queryParam("assigneeId", "someone").get("/api/bugs").then().statusCode(400)
                .body("errors[0].field", is("assigneeId"));
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = project.viewer().api().queryParam("projectId", project.id()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/bugs").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.key"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(project.key() + "-B4", project.key() + "-B3", project.key() + "-B2", project.key() + "-B1"), seen);

        project.viewer().api().queryParam("projectId", project.id()).queryParam("limit", 3).get("/api/bugs").then()
                .body("nextCursor", notNullValue());
        project.viewer().api().queryParam("projectId", project.id()).queryParam("cursor", "not-a-cursor").get("/api/bugs").then()
                .statusCode(400).body("errors[0].field", is("cursor"));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("limit", 0).get("/api/bugs").then().statusCode(400);
    }

    @Test
    void countsPerStatusFeedABoard() {
        project.viewer().api().queryParam("projectId", project.id()).get("/api/bugs/counts").then().statusCode(200)
                .body("NEW", is(1)).body("ASSIGNED", is(2)).body("CLOSED", is(1)).body("VERIFIED_FIXED", is(0));
        Project other = Fixtures.project();
        other.lead().api().queryParam("projectId", project.id()).get("/api/bugs/counts").then().statusCode(404);
    }
}
