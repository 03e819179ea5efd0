package io.testtrack.defect.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.defect.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflow over HTTP: who may make which move, what each needs, and that a refused move changes nothing. */
@QuarkusTest
class TransitionTest {

    Project project;
    String id;

    @BeforeEach
    void aNewDefect() {
        project = Fixtures.project();
        id = Fixtures.defect(project, project.tester(), "Cart empties itself", Map.of()).getString("id");
    }

    @Test
    void aDefectGoesTheWholeWayWithEachMoveInItsHistory() {
        project.developer().api().get("/api/bugs/" + id + "/transitions").then().statusCode(200).body("to", contains("ASSIGNED"))
                .body("[0].needs", contains("ASSIGNEE"));
        Fixtures.move(project.tester(), id, Map.of("to", "ASSIGNED", "assigneeId", project.developer().id()));
        project.developer().api().get("/api/bugs/" + id + "/transitions").then().body("to", contains("IN_PROGRESS"));
        project.tester().api().get("/api/bugs/" + id + "/transitions").then().body("to", contains("CLOSED"))
                .body("[0].resolutions", contains("DUPLICATE", "CANNOT_REPRODUCE", "WONT_FIX", "DEFERRED"));
        Fixtures.move(project.developer(), id, Map.of("to", "IN_PROGRESS"));
        Fixtures.move(project.developer(), id, Map.of("to", "FIXED", "comment", "Fixed the session key",
                "fix", Map.of("rootCause", "Session key reused", "summary", "New key per cart", "link", "https://git.example.com/pr/7")))
                .getString("status");
        project.tester().api().get("/api/bugs/" + id).then().body("status", is("FIXED")).body("fix.rootCause", is("Session key reused"))
                .body("fix.link", is("https://git.example.com/pr/7")).body("retestExecutionId", nullValue());
        // Not filed from an execution: there is no re-test, a tester verifies by hand.
        Fixtures.move(project.tester(), id, Map.of("to", "AWAITING_VERIFICATION"));
        Fixtures.move(project.tester(), id, Map.of("to", "REOPENED"));
        Fixtures.move(project.lead(), id, Map.of("to", "ASSIGNED"));
        project.tester().api().get("/api/bugs/" + id).then().body("assigneeId", is(project.developer().id().toString()));
        Fixtures.move(project.developer(), id, Map.of("to", "IN_PROGRESS"));
        Fixtures.move(project.developer(), id, Map.of("to", "FIXED", "fix", Map.of("rootCause", "Cache", "summary", "Evict")));
        Fixtures.move(project.tester(), id, Map.of("to", "AWAITING_VERIFICATION"));
        Fixtures.move(project.tester(), id, Map.of("to", "VERIFIED_FIXED"));
        Fixtures.move(project.tester(), id, Map.of("to", "CLOSED"));

        project.viewer().api().get("/api/bugs/" + id).then().body("status", is("CLOSED")).body("resolution", is("FIXED"));
        project.viewer().api().get("/api/bugs/" + id + "/history").then()
                .body("findAll { it.field == 'status' }.to", contains("ASSIGNED", "IN_PROGRESS", "FIXED", "AWAITING_VERIFICATION",
                        "REOPENED", "ASSIGNED", "IN_PROGRESS", "FIXED", "AWAITING_VERIFICATION", "VERIFIED_FIXED", "CLOSED"))
                .body("findAll { it.field == 'status' }.actorId[2]", is(project.developer().id().toString()));
        project.viewer().api().get("/api/bugs/" + id + "/comments").then().body("body", contains("Fixed the session key"));
        project.viewer().api().get("/api/bugs/" + id + "/transitions").then().body("", hasSize(0));
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheAllowedMovesAndChangesNothing() {
        project.tester().api().body(Map.of("version", 1, "to", "VERIFIED_FIXED")).post("/api/bugs/" + id + "/transitions").then()
                .statusCode(409).contentType("application/problem+json").body("type", is("/problems/illegal-transition"))
                .body("allowed", contains("ASSIGNED", "CLOSED")).body("detail", containsString("NEW to VERIFIED_FIXED"));
        project.tester().api().get("/api/bugs/" + id).then().body("status", is("NEW")).body("version", is(1));
    }

    @Test
    void aMoveByTheWrongRoleIsForbiddenAndChangesNothing() {
        project.viewer().api().body(Map.of("version", 1, "to", "ASSIGNED", "assigneeId", project.developer().id()))
                .post("/api/bugs/" + id + "/transitions").then().statusCode(403).body("type", is("/problems/forbidden"));
        project.developer().api().body(Map.of("version", 1, "to", "CLOSED", "resolution", "WONT_FIX"))
                .post("/api/bugs/" + id + "/transitions").then().statusCode(403);
        Fixtures.move(project.tester(), id, Map.of("to", "ASSIGNED", "assigneeId", project.lead().id()));
        // Assigned to the lead: the developer may not start it, the tester may not either.
        project.developer().api().body(Map.of("version", 2, "to", "IN_PROGRESS")).post("/api/bugs/" + id + "/transitions").then()
                .statusCode(403).body("detail", containsString("assignee"));
        project.tester().api().body(Map.of("version", 2, "to", "IN_PROGRESS")).post("/api/bugs/" + id + "/transitions").then()
                .statusCode(403);
        project.tester().api().get("/api/bugs/" + id).then().body("status", is("ASSIGNED")).body("version", is(2));
    }

    @Test
    void fixedNeedsAFixNote() {
        Fixtures.move(project.tester(), id, Map.of("to", "ASSIGNED", "assigneeId", project.developer().id()));
        Fixtures.move(project.developer(), id, Map.of("to", "IN_PROGRESS"));
        project.developer().api().body(Map.of("version", 3, "to", "FIXED")).post("/api/bugs/" + id + "/transitions").then()
                .statusCode(400).body("errors[0].field", is("fix"));
        project.developer().api().body(Map.of("version", 3, "to", "FIXED", "fix", Map.of("rootCause", "x", "summary", " ")))
                .post("/api/bugs/" + id + "/transitions").then().statusCode(400).body("errors[0].field", is("fix"));
        project.developer().api().body(Map.of("version", 3, "to", "FIXED", "fix", Map.of("rootCause", "x", "summary", "y",
                "link", "javascript:alert(1)"))).post("/api/bugs/" + id + "/transitions").then().statusCode(400)
                .body("errors[0].field", is("fix.link"));
        project.developer().api().get("/api/bugs/" + id).then().body("status", is("IN_PROGRESS")).body("fix", nullValue());
    }

    @Test
    void aDuplicateIsOfAnotherDefectOfTheSameProject() {
        String original = Fixtures.defect(project, project.tester(), "Cart loses items", Map.of()).getString("id");
        Project other = Fixtures.project();
        String foreign = Fixtures.defect(other, other.tester(), "Elsewhere", Map.of()).getString("id");

        project.tester().api().body(Map.of("version", 1, "to", "CLOSED", "resolution", "DUPLICATE", "duplicateOf", id))
                .post("/api/bugs/" + id + "/transitions").then().statusCode(400).body("errors[0].field", is("duplicateOf"))
                .body("errors[0].message", containsString("itself"));
        project.tester().api().body(Map.of("version", 1, "to", "CLOSED", "resolution", "DUPLICATE", "duplicateOf", foreign))
                .post("/api/bugs/" + id + "/transitions").then().statusCode(400).body("errors[0].field", is("duplicateOf"));
        project.tester().api().body(Map.of("version", 1, "to", "CLOSED", "resolution", "DUPLICATE"))
                .post("/api/bugs/" + id + "/transitions").then().statusCode(400).body("errors[0].field", is("duplicateOf"));
        project.tester().api().body(Map.of("version", 1, "to", "CLOSED")).post("/api/bugs/" + id + "/transitions").then()
                .statusCode(400).body("errors[0].field", is("resolution"));
        project.tester().api().get("/api/bugs/" + id).then().body("status", is("NEW")).body("duplicateOf", nullValue());

        Fixtures.move(project.tester(), id, Map.of("to", "CLOSED", "resolution", "DUPLICATE", "duplicateOf", original));
        project.tester().api().get("/api/bugs/" + id).then().body("status", is("CLOSED")).body("resolution", is("DUPLICATE"))
                .body("duplicateOf", is(original));
        Fixtures.move(project.tester(), id, Map.of("to", "REOPENED"));
        project.tester().api().get("/api/bugs/" + id).then().body("resolution", nullValue());
    }
}
