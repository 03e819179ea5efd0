package io.testtrack.defect.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.defect.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom fields of a project's defects: a LEAD defines them, every defect's values are checked and kept in its history. */
@QuarkusTest
class CustomFieldTest {

    private static final String FIELDS = "/api/bugs/custom-fields";

    Project project;
    String browser;

    @BeforeEach
    void aProjectWhoseDefectsNeedABrowser() {
        project = Fixtures.project();
        browser = project.lead().api().body(Map.of("projectId", project.id(), "name", "browser", "label", "Browser", "type", "SELECT",
                "options", List.of("Chrome", "Firefox"), "required", true)).post(FIELDS).then().statusCode(201)
                .body("name", is("browser")).extract().path("id");
        project.lead().api().body(Map.of("projectId", project.id(), "name", "hours_lost", "label", "Hours lost", "type", "NUMBER"))
                .post(FIELDS).then().statusCode(201);
    }

    @Test
    void membersReadTheDefinitionsAndOnlyALeadDefinesThem() {
        project.viewer().api().queryParam("projectId", project.id()).get(FIELDS).then().statusCode(200)
                .body("name", contains("browser", "hours_lost")).body("[0].options", contains("Chrome", "Firefox"));
        for (var notLead : List.of(project.tester(), project.developer(), project.viewer())) {
            notLead.api().body(Map.of("projectId", project.id(), "name", "customer", "label", "Customer", "type", "TEXT")).post(FIELDS)
                    .then().statusCode(403).contentType("application/problem+json");
            notLead.api().body(Map.of("label", "Navigator", "options", List.of("Chrome"), "required", false)).put(FIELDS + "/" + browser)
                    .then().statusCode(403);
            notLead.api().delete(FIELDS + "/" + browser).then().statusCode(403);
        }
        Project other = Fixtures.project();
        other.lead().api().queryParam("projectId", project.id()).get(FIELDS).then().statusCode(404);
        other.lead().api().body(Map.of("projectId", project.id(), "name", "customer", "label", "Customer", "type", "TEXT")).post(FIELDS)
                .then().statusCode(404);
        other.lead().api().delete(FIELDS + "/" + browser).then().statusCode(404);
        project.viewer().api().queryParam("projectId", project.id()).get(FIELDS).then().body("$", hasSize(2));
    }

    @Test
    void aBadDefinitionIsRefusedWithTheReason() {
        project.lead().api().body(Map.of("projectId", project.id(), "name", "Found In", "label", "Found in", "type", "TEXT")).post(FIELDS)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("name"));
        project.lead().api().body(Map.of("projectId", project.id(), "name", "os", "label", "OS", "type", "SELECT")).post(FIELDS)
                .then().statusCode(400).body("errors[0].field", is("options"));
        project.lead().api().body(Map.of("projectId", project.id(), "name", "customer", "label", "Customer", "type", "TEXT",
                "options", List.of("a"))).post(FIELDS).then().statusCode(400).body("errors[0].field", is("options"));
        project.lead().api().body(Map.of("projectId", project.id(), "name", "browser", "label", "Again", "type", "TEXT")).post(FIELDS)
                .then().statusCode(409);
        project.lead().api().body(Map.of("projectId", project.id(), "name", "kind", "label", "Kind", "type", "COLOUR")).post(FIELDS)
                .then().statusCode(400);
        project.viewer().api().queryParam("projectId", project.id()).get(FIELDS).then().body("$", hasSize(2));
    }

    @Test
    void aDefectsValuesAreCheckedAndABadOneWritesNothing() {
        JsonPath created = Fixtures.defect(project, project.tester(), "Checkout fails", Map.of("customFields",
                Map.of("browser", "Firefox", "hours_lost", 2.5)));
        assertEquals(Map.of("browser", "Firefox", "hours_lost", 2.5f), created.getMap("customFields"));

        bad(Map.of("title", "No browser"), "customFields.browser", "is required");
        bad(Map.of("title", "Edge", "customFields", Map.of("browser", "Edge")), "customFields.browser", "must be one of [Chrome, Firefox]");
        bad(Map.of("title", "Hours", "customFields", Map.of("browser", "Chrome", "hours_lost", "two")), "customFields.hours_lost",
                "must be a number");
        bad(Map.of("title", "Colour", "customFields", Map.of("browser", "Chrome", "colour", "red")), "customFields.colour",
                "is not a custom field of this project");
        project.viewer().api().queryParam("projectId", project.id()).get("/api/bugs").then().body("items", hasSize(1));
    }

    @Test
    void anEditOfTheValuesIsKeptInTheHistoryAndABadEditChangesNothing() {
        JsonPath d = Fixtures.defect(project, project.tester(), "Cart empties", Map.of("customFields", Map.of("browser", "Chrome")));
        String id = d.getString("id");
        int version = d.getInt("version");
        JsonPath edited = project.developer().api().body(Map.of("version", version, "customFields", Map.of("browser", "Firefox", "hours_lost", 3)))
                .patch("/api/bugs/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("browser", "Firefox", "hours_lost", 3), edited.getMap("customFields"));
        List<Map<String, Object>> history = project.viewer().api().get("/api/bugs/" + id + "/history").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.field.startsWith('customFields.') }");
        assertEquals(List.of(Map.of("field", "customFields.browser", "from", "Chrome", "to", "Firefox"),
                        Map.of("field", "customFields.hours_lost", "to", "3")),
                history.stream().map(h -> h.get("from") == null ? Map.of("field", h.get("field"), "to", h.get("to"))
                        : Map.of("field", h.get("field"), "from", h.get("from"), "to", h.get("to"))).toList());

        int now = edited.getInt("version");
        project.developer().api().body(Map.of("version", now, "title", "Cart empties at once", "customFields", Map.of("browser", "Opera")))
                .patch("/api/bugs/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("customFields.browser"));
        project.viewer().api().get("/api/bugs/" + id).then().body("version", is(now)).body("title", is("Cart empties"))
                .body("customFields.browser", is("Firefox"));
        // a value given as null is cleared; the required one cannot be
        project.developer().api().body(Map.of("version", now, "customFields", java.util.Collections.singletonMap("browser", null)))
                .patch("/api/bugs/" + id).then().statusCode(400).body("errors[0].field", is("customFields.browser"))
                .body("errors[0].message", is("is required"));
        project.developer().api().body(Map.of("version", now, "customFields", java.util.Collections.singletonMap("hours_lost", null)))
                .patch("/api/bugs/" + id).then().statusCode(200).body("customFields.hours_lost", is((Object) null));
    }

    @Test
    void aFieldOrAnOptionStillHeldByADefectIsNotRemoved() {
        Fixtures.defect(project, project.tester(), "Held", Map.of("customFields", Map.of("browser", "Firefox")));
        project.lead().api().delete(FIELDS + "/" + browser).then().statusCode(409).contentType("application/problem+json");
        project.lead().api().body(Map.of("label", "Browser", "options", List.of("Chrome"), "required", true)).put(FIELDS + "/" + browser)
                .then().statusCode(409);
        project.lead().api().body(Map.of("label", "Navigator", "options", List.of("Chrome", "Firefox", "Safari"), "required", true, "version", 0))
                .put(FIELDS + "/" + browser).then().statusCode(200).body("label", is("Navigator")).body("version", is(1));
        project.lead().api().body(Map.of("label", "Stale", "options", List.of("Chrome", "Firefox"), "required", true, "version", 0))
                .put(FIELDS + "/" + browser).then().statusCode(409);
        project.viewer().api().queryParam("projectId", project.id()).get(FIELDS).then().body("[0].label", is("Navigator"))
                .body("[0].options", contains("Chrome", "Firefox", "Safari"));
    }

    private void bad(Map<String, Object> fields, String field, String message) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("projectId", project.id());
        project.tester().api().body(body).post("/api/bugs").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is(field)).body("errors[0].message", is(message));
    }
}
