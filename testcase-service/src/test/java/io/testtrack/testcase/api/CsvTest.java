package io.testtrack.testcase.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSV import and export: a documented layout that round-trips, a dry run, and files that are refused whole. */
@QuarkusTest
class CsvTest {

    private static final String HEADER = "key,title,description,preconditions,type,priority,status,tags,estimate_minutes,suite,"
            + "automation_key,steps";

    Project project;

    @BeforeEach
    void project() {
        project = Fixtures.project();
    }

    @Test
    void exportThenImportGivesTheSameCases() throws IOException {
        defineFields(project);
        project.tester().api().body(Map.of("projectId", project.id(), "name", "Sign in", "steps",
                Fixtures.steps("Open /login", "Form shows", "Submit", "Signed in"))).post("/api/shared-steps").then().statusCode(201);
        String shared = project.tester().api().queryParam("projectId", project.id()).get("/api/shared-steps").then().extract().path("[0].id");
        String parent = suite(project, "Checkout", null);
        String child = suite(project, "Coupons", parent);
        Fixtures.createCase(project, "=HYPERLINK(\"http://evil\")", "suiteId", child, "preconditions", "-1 items in cart",
                "estimateMinutes", 15, "tags", List.of("smoke", "cart"), "automationKey", "com.shop.CouponTest#applies",
                "customFields", Map.of("points", 3, "browsers", List.of("chrome", "firefox"), "mobile", true),
                "steps", List.of(Map.of("index", 1, "sharedStepsId", shared),
                        Map.of("index", 2, "action", "@Apply \"SAVE10\", twice", "expectedResult", "+10% off\nonce",
                                "testData", "SAVE10")));
        Fixtures.createCase(project, "Plain case", "type", "SMOKE", "status", "READY", "priority", "LOW");

        String csv = export(project);
        List<CSVRecord> records = parse(csv);
        assertEquals(HEADER + ",cf:points,cf:browsers,cf:mobile", String.join(",", records.get(0).values()));
        assertEquals("'=HYPERLINK(\"http://evil\")", records.get(1).get(1), "a formula is escaped");
        assertEquals("'-1 items in cart", records.get(1).get(3));
        assertEquals("Checkout / Coupons", records.get(1).get(9));
        assertEquals("chrome;firefox", records.get(1).get(13));

        Project target = Fixtures.project();
        defineFields(target);
        target.tester().api().body(Map.of("projectId", target.id(), "name", "Sign in", "steps",
                Fixtures.steps("Open /login", "Form shows", "Submit", "Signed in"))).post("/api/shared-steps").then().statusCode(201);
        target.tester().api().contentType("text/csv").queryParam("projectId", target.id()).body(csv).post("/api/tests/import")
                .then().statusCode(200).body("created", is(2)).body("errors", hasSize(0));

        assertEquals(comparable(project), comparable(target));
        // Importing the export into the project it came from changes nothing.
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).body(csv).post("/api/tests/import")
                .then().statusCode(200).body("created", is(0)).body("updated", is(0)).body("unchanged", is(2));
        assertEquals(csv.replace(project.key() + "-", "K-"), export(project).replace(project.key() + "-", "K-"));
    }

    @Test
    void aDryRunReportsEveryRowsErrorsAndWritesNothing() {
        String csv = HEADER + "\n"
                + ",Good row,,,SMOKE,HIGH,READY,ui,5,Area,,\n"
                + ",,,,,,,,,,,\n"
                + ",Bad enums,,,EXPLORATORY,URGENT,,,-3,,,\n"
                + ",Bad steps,,,,,,,,,,not json\n"
                + ",Dup key 1,,,,,,,,,k#1,\n"
                + ",Dup key 2,,,,,,,,,k#1,\n";
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).queryParam("dryRun", true).body(csv)
                .post("/api/tests/import").then().statusCode(200)
                .body("dryRun", is(true)).body("rows", is(6)).body("created", is(0))
                .body("errors.field", hasItem("rows[2].title"))
                .body("errors.field", hasItem("rows[3].type")).body("errors.field", hasItem("rows[3].priority"))
                .body("errors.field", hasItem("rows[3].estimate_minutes"))
                .body("errors.field", hasItem("rows[4].steps"))
                .body("errors.find { it.field == 'rows[6].automation_key' }.message", containsString("row 5"));
        // The same file for real: refused whole, with the same list.
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).body(csv).post("/api/tests/import")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("rows[4].steps"));
        assertNoCases(project);
        project.tester().api().queryParam("projectId", project.id()).get("/api/suites").then().body("$", hasSize(0));

        String good = HEADER + "\n,Good row,,,SMOKE,HIGH,READY,ui,5,Area / Sub,,\"[{\"\"action\"\":\"\"Go\"\"}]\"\n";
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).queryParam("dryRun", true).body(good)
                .post("/api/tests/import").then().statusCode(200).body("created", is(1)).body("errors", hasSize(0));
        // Excel's "CSV UTF-8" starts with a byte order mark: skipped, not read into the first column's name.
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).queryParam("dryRun", true)
                .body(("\uFEFF" + good).getBytes(StandardCharsets.UTF_8)).post("/api/tests/import").then().statusCode(200)
                .body("created", is(1)).body("errors", hasSize(0));
        assertNoCases(project);
        project.tester().api().multiPart("file", "cases.csv", good.getBytes(StandardCharsets.UTF_8), "text/csv")
                .contentType("multipart/form-data").queryParam("projectId", project.id()).post("/api/tests/import")
                .then().statusCode(200).body("created", is(1));
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(1))
                .body("items[0].title", is("Good row")).body("items[0].type", is("SMOKE")).body("items[0].stepCount", is(1));
    }

    @Test
    void filesThatAreNotOurCsvAreRefusedWhole() {
        importing("title,colour\nA,red\n").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("file")).body("errors[0].message", containsString("[colour]"));
        importing("description\nno title column\n").then().statusCode(400).body("errors[0].message", containsString("title"));
        importing("title,description\n\"Broken,quote\n").then().statusCode(400).body("errors[0].field", is("file"))
                .body("errors[0].message", containsString("not valid CSV"));
        byte[] latin1 = "title\nCaf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1);
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).body(latin1).post("/api/tests/import")
                .then().statusCode(400).body("errors[0].message", containsString("UTF-8"));
        importing("title,description\nA\n").then().statusCode(400).body("errors[0].field", is("rows[1]"));
        assertNoCases(project);
    }

    private io.restassured.response.Response importing(String csv) {
        return project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).body(csv).post("/api/tests/import");
    }

    private static void assertNoCases(Project project) {
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(0));
    }

    private static String export(Project project) {
        String csv = project.tester().api().accept("text/csv").queryParam("projectId", project.id()).get("/api/tests/export")
                .then().statusCode(200).header("Content-Disposition", containsString("attachment")).extract().asString();
        assertTrue(csv.startsWith("key,title"), csv);
        return csv;
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    /** Everything a user sees of each case but its id, key and times. */
    private static List<Map<String, Object>> comparable(Project project) {
        JsonPath page = project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().extract().jsonPath();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String id : page.<String>getList("items.id")) {
            Map<String, Object> view = new java.util.TreeMap<>(project.tester().api().get("/api/tests/" + id).then().extract().jsonPath().getMap("$"));
            for (String field : List.of("id", "projectId", "key", "createdAt", "updatedAt", "createdBy", "updatedBy", "suiteId", "steps")) {
                view.remove(field);
            }
            cases.add(view);
        }
        return cases;
    }

    private static void defineFields(Project project) {
        project.lead().api().body(Map.of("projectId", project.id(), "name", "points", "label", "Points", "type", "NUMBER"))
                .post("/api/fields").then().statusCode(201);
        project.lead().api().body(Map.of("projectId", project.id(), "name", "browsers", "label", "Browsers", "type", "MULTI_SELECT",
                "options", List.of("chrome", "firefox", "safari"))).post("/api/fields").then().statusCode(201);
        project.lead().api().body(Map.of("projectId", project.id(), "name", "mobile", "label", "Mobile", "type", "CHECKBOX"))
                .post("/api/fields").then().statusCode(201);
    }

    private static String suite(Project project, String name, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("projectId", project.id(), "name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return project.tester().api().body(body).post("/api/suites").then().statusCode(201).extract().path("id");
    }
}
