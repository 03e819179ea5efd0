package io.testtrack.defect.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.defect.Fixtures;
import io.testtrack.events.EventCodec;
import io.testtrack.events.Topics;
import io.testtrack.events.defect.DefectAssigned;
import io.testtrack.events.defect.DefectCreated;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.WireTap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filing, reading and editing a defect: keys per project, every field, the history, versions, who sees what. */
@QuarkusTest
class DefectFlowTest {

    Project project;

    @BeforeEach
    void project() {
        project = Fixtures.project();
    }

    @Test
    void aDefectGetsTheNextKeyOfItsProjectAndKeepsEveryField() {
        try (WireTap wire = new WireTap(Topics.DEFECT)) {
            JsonPath first = Fixtures.defect(project, project.tester(), "Checkout fails", Map.of());
            JsonPath second = project.developer().api().body(Map.ofEntries(Map.entry("projectId", project.id()),
                            Map.entry("title", "  Saved card declined  "), Map.entry("description", "With **markdown** <b>kept</b>"),
                            Map.entry("stepsToReproduce", "1. Pay"), Map.entry("expectedResult", "Paid"),
                            Map.entry("actualResult", "Declined"), Map.entry("severity", "CRITICAL"), Map.entry("priority", "P0"),
                            Map.entry("reproducibility", "SOMETIMES"), Map.entry("environment", "staging"), Map.entry("build", "1.4.2"),
                            Map.entry("tags", List.of("payments", "payments", "ui")), Map.entry("assigneeId", project.developer().id()),
                            Map.entry("watchers", List.of(project.viewer().id()))))
                    .post("/api/bugs").then().statusCode(201)
                    .body("key", is(project.key() + "-B2")).body("title", is("Saved card declined"))
                    .body("description", is("With **markdown** <b>kept</b>")).body("severity", is("CRITICAL")).body("priority", is("P0"))
                    .body("reproducibility", is("SOMETIMES")).body("tags", contains("payments", "ui"))
                    .body("status", is("ASSIGNED")).body("assigneeId", is(project.developer().id().toString()))
                    .body("reporterId", is(project.developer().id().toString())).body("version", is(1))
                    .extract().jsonPath();
            assertEquals(project.key() + "-B1", first.getString("key"));
            assertEquals("NEW", first.getString("status"));
            assertEquals("MAJOR", first.getString("severity"));
            assertEquals("P2", first.getString("priority"));

            project.viewer().api().get("/api/bugs/" + second.getString("id")).then().statusCode(200)
                    .body("watchers", contains(project.viewer().id().toString())).body("environment", is("staging"))
                    .body("build", is("1.4.2")).body("stepsToReproduce", is("1. Pay"));

            var seen = wire.until(records -> records.stream().filter(r -> r.value().contains(second.getString("id"))).count() >= 2,
                    Duration.ofSeconds(30));
            DefectCreated created = seen.stream().map(r -> EventCodec.payload(EventCodec.read(r.value())).orElseThrow())
                    .filter(e -> e instanceof DefectCreated c && c.key().equals(project.key() + "-B2")).map(DefectCreated.class::cast)
                    .findFirst().orElseThrow();
            assertEquals(project.developer().id(), created.assigneeId());
            assertEquals(1, seen.stream().map(r -> EventCodec.payload(EventCodec.read(r.value())).orElseThrow())
                    .filter(e -> e instanceof DefectAssigned a && a.defectId().toString().equals(second.getString("id"))).count());
        }
    }

    @Test
    void anEditChangesTheFieldsGivenAndKeepsWhoChangedWhatFromWhatToWhat() {
        String id = Fixtures.defect(project, project.tester(), "Search is slow", Map.of("severity", "MINOR")).getString("id");

        project.developer().api().body(Map.of("version", 1, "severity", "MAJOR", "tags", List.of("perf"), "title", "Search is slow"))
                .patch("/api/bugs/" + id).then().statusCode(200).body("version", is(2)).body("severity", is("MAJOR"))
                .body("tags", contains("perf"));
        project.tester().api().body(Map.of("version", 2, "assigneeId", project.developer().id(), "description", "Over 3 s"))
                .patch("/api/bugs/" + id).then().statusCode(200).body("version", is(3));
        project.tester().api().body(Map.of("version", 3, "description", "")).patch("/api/bugs/" + id).then().statusCode(200)
                .body("description", nullValue());

        project.viewer().api().get("/api/bugs/" + id + "/history").then().statusCode(200)
                .body("field", contains("created", "severity", "tags", "description", "assignee", "description"))
                .body("[1].from", is("MINOR")).body("[1].to", is("MAJOR")).body("[1].actorId", is(project.developer().id().toString()))
                .body("[4].to", is(project.developer().id().toString())).body("[4].actorId", is(project.tester().id().toString()))
                .body("[5].from", is("Over 3 s")).body("[5].to", nullValue())
                .body("at", hasSize(6));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = Fixtures.defect(project, project.tester(), "Logo blurry", Map.of()).getString("id");
        project.tester().api().body(Map.of("title", "no version")).patch("/api/bugs/" + id).then().statusCode(400)
                .body("errors[0].field", is("version"));
        project.tester().api().body(Map.of("version", 1, "projectId", Fixtures.project().id())).patch("/api/bugs/" + id).then()
                .statusCode(400).body("errors[0].field", is("projectId"));
        project.tester().api().body(Map.of("version", 1, "title", "Logo blurry on retina")).patch("/api/bugs/" + id).then().statusCode(200);

        project.developer().api().body(Map.of("version", 1, "title", "Logo fine")).patch("/api/bugs/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("type", is("/problems/stale-version")).body("currentVersion", is(2));
        project.developer().api().body(Map.of("version", 1, "to", "ASSIGNED", "assigneeId", project.developer().id()))
                .post("/api/bugs/" + id + "/transitions").then().statusCode(409).body("type", is("/problems/stale-version"));

        project.tester().api().get("/api/bugs/" + id).then().body("title", is("Logo blurry on retina")).body("version", is(2))
                .body("status", is("NEW"));
        project.tester().api().get("/api/bugs/" + id + "/history").then().body("field", contains("created", "title"));
    }

    @Test
    void outsideTheProjectADefectDoesNotExistAndAViewerFilesNone() {
        String id = Fixtures.defect(project, project.tester(), "Private", Map.of()).getString("id");
        Project other = Fixtures.project();

        other.lead().api().get("/api/bugs/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", is("/problems/not-found"));
        other.lead().api().get("/api/bugs/" + id + "/history").then().statusCode(404);
        other.lead().api().body(Map.of("version", 1, "title", "mine")).patch("/api/bugs/" + id).then().statusCode(404);
        other.lead().api().body(Map.of("version", 1, "to", "CLOSED", "resolution", "WONT_FIX")).post("/api/bugs/" + id + "/transitions")
                .then().statusCode(404);
        other.lead().api().body(Map.of("projectId", project.id(), "title", "Intruder")).post("/api/bugs").then().statusCode(404);
        other.lead().api().queryParam("projectId", project.id()).get("/api/bugs").then().statusCode(404);

        project.viewer().api().body(Map.of("projectId", project.id(), "title", "Viewer's")).post("/api/bugs").then().statusCode(403)
                .body("type", is("/problems/forbidden"));
        project.viewer().api().body(Map.of("version", 1, "title", "renamed")).patch("/api/bugs/" + id).then().statusCode(403);
        project.tester().api().get("/api/bugs/" + id).then().body("title", is("Private")).body("version", is(1));
        project.tester().api().queryParam("projectId", project.id()).get("/api/bugs").then().body("items.title", contains("Private"));
    }

    @Test
    void badFieldsAreNamedAndNothingIsFiled() {
        project.tester().api().body(Map.of("projectId", project.id(), "title", " ")).post("/api/bugs").then().statusCode(400)
                .body("errors.field", hasItems("title"));
        project.tester().api().body(Map.of("projectId", project.id(), "title", "x", "severity", "HUGE")).post("/api/bugs").then()
                .statusCode(400).body("errors[0].field", is("severity"));
        project.tester().api().body(Map.of("projectId", project.id(), "title", "x", "assigneeId", project.viewer().id()))
                .post("/api/bugs").then().statusCode(400).body("errors[0].field", is("assigneeId"));
        project.tester().api().body(Map.of("projectId", project.id(), "title", "x".repeat(301))).post("/api/bugs").then().statusCode(400);
        project.tester().api().body(Map.of("title", "no project")).post("/api/bugs").then().statusCode(400)
                .body("errors[0].field", is("projectId"));
        project.tester().api().body(Map.of("version", 1)).patch("/api/bugs/" + java.util.UUID.randomUUID()).then().statusCode(404);
        project.tester().api().body(Map.of("projectId", project.id(), "title", "x", "version", 3)).post("/api/bugs").then()
                .statusCode(400).body("errors[0].field", is("version"));

        project.tester().api().queryParam("projectId", project.id()).get("/api/bugs").then().body("items", hasSize(0));
        project.tester().api().get("/api/bugs/counts?projectId=" + project.id()).then().body("NEW", is(0));
    }

    @Test
    void defectsOfOneProjectLinkToEachOtherAndOnlyThose() {
        String a = Fixtures.defect(project, project.tester(), "Login slow", Map.of()).getString("id");
        JsonPath b = Fixtures.defect(project, project.tester(), "Session store overloaded", Map.of());
        Project other = Fixtures.project();
        String foreign = Fixtures.defect(other, other.tester(), "Elsewhere", Map.of()).getString("id");

        project.developer().api().body(Map.of("targetId", b.getString("id"), "kind", "BLOCKS")).post("/api/bugs/" + a + "/links").then()
                .statusCode(201);
        project.viewer().api().get("/api/bugs/" + a + "/links").then().statusCode(200).body("targetKey", contains(b.getString("key")))
                .body("[0].kind", is("BLOCKS")).body("[0].outgoing", is(true));
        project.viewer().api().get("/api/bugs/" + b.getString("id") + "/links").then().body("[0].outgoing", is(false));

        project.developer().api().body(Map.of("targetId", a, "kind", "RELATED")).post("/api/bugs/" + a + "/links").then().statusCode(400)
                .body("errors[0].field", is("targetId"));
        project.developer().api().body(Map.of("targetId", foreign, "kind", "RELATED")).post("/api/bugs/" + a + "/links").then()
                .statusCode(400).body("errors[0].field", is("targetId"));
        project.viewer().api().body(Map.of("targetId", b.getString("id"), "kind", "RELATED")).post("/api/bugs/" + a + "/links").then()
                .statusCode(403);
        project.viewer().api().get("/api/bugs/" + a + "/links").then().body("", hasSize(1));

        project.developer().api().queryParam("targetId", b.getString("id")).queryParam("kind", "BLOCKS").delete("/api/bugs/" + a + "/links")
                .then().statusCode(204);
        project.developer().api().queryParam("targetId", b.getString("id")).queryParam("kind", "BLOCKS").delete("/api/bugs/" + a + "/links")
                .then().statusCode(404);
        project.viewer().api().get("/api/bugs/" + a + "/history").then().body("findAll { it.field == 'link' }.to",
                contains("BLOCKS " + b.getString("key"), null));
    }
}
