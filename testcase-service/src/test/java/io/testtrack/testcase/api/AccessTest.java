package io.testtrack.testcase.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.testtrack.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Member;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The role table of docs/architecture.md, tried from every side: readers read, testers and leads write cases, only
 * leads define fields, outsiders learn nothing (404), forged or missing tokens get 401.
 */
@QuarkusTest
class AccessTest {

    Project project;
    String caseId;
    String suiteId;
    String sharedId;
    String fieldId;

    @BeforeEach
    void setUp() {
        project = Fixtures.project();
        caseId = Fixtures.createCase(project, "Guarded");
        suiteId = project.tester().api().body(Map.of("projectId", project.id(), "name", "Guarded suite")).post("/api/suites")
                .then().statusCode(201).extract().path("id");
        sharedId = project.tester().api().body(Map.of("projectId", project.id(), "name", "Log in",
                "steps", Fixtures.steps("Sign in", "Signed in"))).post("/api/shared-steps").then().statusCode(201).extract().path("id");
        fieldId = project.lead().api().body(Map.of("projectId", project.id(), "name", "area", "label", "Area", "type", "TEXT"))
                .post("/api/fields").then().statusCode(201).extract().path("id");
    }

    private record Call(String name, Function<RequestSpecification, io.restassured.response.Response> send) {
    }

    private List<Call> reads() {
        return List.of(
                new Call("search", r -> r.queryParam("projectId", project.id()).get("/api/tests")),
                new Call("get case", r -> r.get("/api/tests/" + caseId)),
                new Call("steps", r -> r.get("/api/tests/" + caseId + "/steps")),
                new Call("versions", r -> r.get("/api/tests/" + caseId + "/versions")),
                new Call("version", r -> r.get("/api/tests/" + caseId + "/versions/1")),
                new Call("suites", r -> r.queryParam("projectId", project.id()).get("/api/suites")),
                new Call("fields", r -> r.queryParam("projectId", project.id()).get("/api/fields")),
                new Call("shared list", r -> r.queryParam("projectId", project.id()).get("/api/shared-steps")),
                new Call("shared get", r -> r.get("/api/shared-steps/" + sharedId)),
                new Call("export", r -> r.accept("text/csv").queryParam("projectId", project.id()).get("/api/tests/export")));
    }

    private List<Call> caseWrites() {
        return List.of(
                new Call("create", r -> r.body(Fixtures.caseBody(project.id(), "Intruder")).post("/api/tests")),
                new Call("update", r -> r.body(Fixtures.caseBody(project.id(), "Intruder", "version", 1)).put("/api/tests/" + caseId)),
                new Call("steps", r -> r.body(Map.of("version", 1, "steps", Fixtures.steps("x", "y"))).put("/api/tests/" + caseId + "/steps")),
                new Call("restore version", r -> r.body(Map.of()).post("/api/tests/" + caseId + "/versions/1/restore")),
                new Call("clone", r -> r.body(Map.of()).post("/api/tests/" + caseId + "/clone")),
                new Call("bulk", r -> r.body(Map.of("projectId", project.id(), "ids", List.of(caseId), "action", "UPDATE",
                        "priority", "LOW")).post("/api/tests/bulk")),
                new Call("delete", r -> r.delete("/api/tests/" + caseId)),
                new Call("suite create", r -> r.body(Map.of("projectId", project.id(), "name", "Intruder")).post("/api/suites")),
                new Call("suite rename", r -> r.body(Map.of("name", "Renamed")).patch("/api/suites/" + suiteId)),
                new Call("suite delete", r -> r.delete("/api/suites/" + suiteId)),
                new Call("shared create", r -> r.body(Map.of("projectId", project.id(), "name", "Intruder",
                        "steps", Fixtures.steps("a", "b"))).post("/api/shared-steps")),
                new Call("shared update", r -> r.body(Map.of("name", "Log in", "steps", Fixtures.steps("a", "b")))
                        .put("/api/shared-steps/" + sharedId)),
                new Call("import", r -> r.contentType("text/csv").queryParam("projectId", project.id()).body("title\nIntruder\n")
                        .post("/api/tests/import")));
    }

    private List<Call> fieldWrites() {
        return List.of(
                new Call("field create", r -> r.body(Map.of("projectId", project.id(), "name", "other", "label", "Other", "type", "TEXT"))
                        .post("/api/fields")),
                new Call("field update", r -> r.body(Map.of("label", "Area!")).put("/api/fields/" + fieldId)),
                new Call("field delete", r -> r.delete("/api/fields/" + fieldId)));
    }

    @Test
    void everyMemberReads() {
        for (Member member : List.of(project.viewer(), project.developer(), project.tester(), project.lead())) {
            for (Call call : reads()) {
                int status = call.send().apply(member.api()).statusCode();
                org.junit.jupiter.api.Assertions.assertEquals(200, status, call.name() + " as " + member.email());
            }
        }
    }

    @Test
    void viewersAndDevelopersCannotWriteCases() {
        for (Member member : List.of(project.viewer(), project.developer())) {
            for (Call call : caseWrites()) {
                call.send().apply(member.api()).then().statusCode(403).contentType("application/problem+json")
                        .body("type", is("/problems/forbidden"));
            }
        }
        project.tester().api().get("/api/tests/" + caseId).then().body("version", is(1)).body("title", is("Guarded"));
    }

    @Test
    void onlyLeadsDefineCustomFields() {
        for (Member member : List.of(project.viewer(), project.developer(), project.tester())) {
            for (Call call : fieldWrites()) {
                call.send().apply(member.api()).then().statusCode(403);
            }
        }
        project.lead().api().body(Map.of("label", "Product area")).put("/api/fields/" + fieldId).then().statusCode(200)
                .body("label", is("Product area"));
    }

    @Test
    void outsidersLearnNothing() {
        Member outsider = Fixtures.user("TESTER");
        Member memberElsewhere = Fixtures.project().lead();
        for (Member member : List.of(outsider, memberElsewhere)) {
            for (Call call : concat(reads(), caseWrites(), fieldWrites())) {
                int status = call.send().apply(member.api()).statusCode();
                org.junit.jupiter.api.Assertions.assertEquals(404, status, call.name() + " by an outsider");
            }
        }
        project.tester().api().get("/api/tests/" + caseId).then().body("version", is(1));
    }

    @Test
    void anApiTokenActsInItsOwnProjectOnly() {
        String token = TestTokens.apiToken(UUID.randomUUID(), project.id(), "TESTER");
        RequestSpecification ci = given().auth().oauth2(token).contentType(ContentType.JSON);
        ci.body(Fixtures.caseBody(project.id(), "From CI")).post("/api/tests").then().statusCode(201);
        Project other = Fixtures.project();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.caseBody(other.id(), "Elsewhere"))
                .post("/api/tests").then().statusCode(404);
        String viewerToken = TestTokens.apiToken(UUID.randomUUID(), project.id(), "VIEWER");
        given().auth().oauth2(viewerToken).contentType(ContentType.JSON).body(Fixtures.caseBody(project.id(), "Read only"))
                .post("/api/tests").then().statusCode(403);
    }

    @Test
    void anAdminMaySeeAndChangeEverything() {
        Member admin = Fixtures.admin();
        admin.api().get("/api/tests/" + caseId).then().statusCode(200);
        admin.api().body(Map.of("label", "By the admin")).put("/api/fields/" + fieldId).then().statusCode(200);
    }

    @Test
    void forgedAndMissingTokensAre401() {
        given().get("/api/tests/" + caseId).then().statusCode(401).contentType("application/problem+json");
        for (TestTokens.Forgery forgery : TestTokens.Forgery.values()) {
            String forged = TestTokens.forged(forgery, project.lead().id(), project.lead().email(), "TESTER");
            given().auth().oauth2(forged).get("/api/tests/" + caseId).then().statusCode(401);
        }
    }

    @SafeVarargs
    private static List<Call> concat(List<Call>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
