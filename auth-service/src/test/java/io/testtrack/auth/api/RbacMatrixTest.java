package io.testtrack.auth.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.testtrack.auth.AuthApi;
import io.testtrack.auth.Fixtures;
import io.testtrack.auth.Fixtures.Login;
import io.testtrack.platform.testing.GreenMailResource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every auth, admin and project route for every kind of caller, against the role table of docs/architecture.md.
 * The project's members hold the project role their name says; their global roles are LEAD and
 * TESTER → TESTER, DEVELOPER and VIEWER → DEVELOPER, the non-member → TESTER. The API token is
 * a TESTER token of the project.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class RbacMatrixTest {

    enum Who { ANONYMOUS, ADMIN, LEAD, TESTER, DEVELOPER, VIEWER, NON_MEMBER, API_TOKEN }

    private final Map<Who, String> bearer = new EnumMap<>(Who.class);
    private Login admin;
    private Login lead;
    private UUID project;

    private void people() {
        admin = Fixtures.admin();
        lead = Fixtures.user(admin, "m-lead", "TESTER");
        Login tester = Fixtures.user(admin, "m-tester", "TESTER");
        Login developer = Fixtures.user(admin, "m-dev", "DEVELOPER");
        Login viewer = Fixtures.user(admin, "m-viewer", "DEVELOPER");
        Login outsider = Fixtures.user(admin, "m-outsider", "TESTER");
        project = Fixtures.project(lead);
        Fixtures.addMember(lead, project, tester, "TESTER");
        Fixtures.addMember(lead, project, developer, "DEVELOPER");
        Fixtures.addMember(lead, project, viewer, "VIEWER");
        bearer.put(Who.ADMIN, admin.bearer());
        bearer.put(Who.LEAD, lead.bearer());
        bearer.put(Who.TESTER, tester.bearer());
        bearer.put(Who.DEVELOPER, developer.bearer());
        bearer.put(Who.VIEWER, viewer.bearer());
        bearer.put(Who.NON_MEMBER, outsider.bearer());
        bearer.put(Who.API_TOKEN, "Bearer " + Fixtures.exchange(Fixtures.apiToken(lead, project, "TESTER").get("token")));
    }

    /** One route: how to call it (fresh targets per call where it changes state) and what each caller gets. */
    record Route(String name, Function<RequestSpecification, Integer> call, Map<Who, Integer> expected) {
    }

    private static Map<Who, Integer> expect(int anonymous, int admin, int lead, int tester, int developer, int viewer,
            int nonMember, int apiToken) {
        Map<Who, Integer> m = new EnumMap<>(Who.class);
        m.put(Who.ANONYMOUS, anonymous);
        m.put(Who.ADMIN, admin);
        m.put(Who.LEAD, lead);
        m.put(Who.TESTER, tester);
        m.put(Who.DEVELOPER, developer);
        m.put(Who.VIEWER, viewer);
        m.put(Who.NON_MEMBER, nonMember);
        m.put(Who.API_TOKEN, apiToken);
        return m;
    }

    private List<Route> routes() {
        String p = "/api/projects/" + project;
        return List.of(
                new Route("GET /api/auth/me", r -> r.get("/api/auth/me").statusCode(),
                        expect(401, 200, 200, 200, 200, 200, 200, 403)),
                new Route("POST /api/auth/logout-all", r -> r.post("/api/auth/logout-all").statusCode(),
                        expect(401, 204, 204, 204, 204, 204, 204, 403)),
                new Route("GET /api/admin/users", r -> r.get("/api/admin/users").statusCode(),
                        expect(401, 200, 403, 403, 403, 403, 403, 403)),
                new Route("POST /api/admin/users", r -> r.body(Map.of("email", AuthApi.newEmail("mx"), "name", "M",
                        "role", "DEVELOPER", "password", AuthApi.PASSWORD)).post("/api/admin/users").statusCode(),
                        expect(401, 201, 403, 403, 403, 403, 403, 403)),
                new Route("PATCH /api/admin/users/{id}", r -> r.body(Map.of("role", "DEVELOPER"))
                        .patch("/api/admin/users/" + freshUser()).statusCode(),
                        expect(401, 200, 403, 403, 403, 403, 403, 403)),
                new Route("GET /api/admin/audit", r -> r.get("/api/admin/audit").statusCode(),
                        expect(401, 200, 403, 403, 403, 403, 403, 403)),
                new Route("POST /api/projects", r -> r.body(Map.of("key", freshKey(), "name", "n")).post("/api/projects")
                        .statusCode(), expect(401, 201, 201, 201, 403, 403, 201, 403)),
                new Route("GET /api/projects", r -> r.get("/api/projects").statusCode(),
                        expect(401, 200, 200, 200, 200, 200, 200, 200)),
                new Route("GET /api/projects/{id}", r -> r.get(p).statusCode(),
                        expect(401, 200, 200, 200, 200, 200, 404, 200)),
                new Route("PATCH /api/projects/{id}", r -> r.body(Map.of("description", "changed")).patch(p).statusCode(),
                        expect(401, 200, 200, 403, 403, 403, 404, 403)),
                new Route("GET /api/projects/{id}/members", r -> r.get(p + "/members").statusCode(),
                        expect(401, 200, 200, 200, 200, 200, 404, 200)),
                new Route("POST /api/projects/{id}/members", r -> r.body(Map.of("email", freshUserEmail(), "role", "VIEWER"))
                        .post(p + "/members").statusCode(), expect(401, 201, 201, 403, 403, 403, 404, 403)),
                new Route("PATCH /api/projects/{id}/members/{userId}", r -> r.body(Map.of("role", "TESTER"))
                        .patch(p + "/members/" + freshMember()).statusCode(), expect(401, 200, 200, 403, 403, 403, 404, 403)),
                new Route("DELETE /api/projects/{id}/members/{userId}", r -> r.delete(p + "/members/" + freshMember())
                        .statusCode(), expect(401, 204, 204, 403, 403, 403, 404, 403)),
                new Route("POST /api/projects/{id}/tokens", r -> r.body(Map.of("name", "t", "role", "VIEWER"))
                        .post(p + "/tokens").statusCode(), expect(401, 201, 201, 403, 403, 403, 404, 403)),
                new Route("GET /api/projects/{id}/tokens", r -> r.get(p + "/tokens").statusCode(),
                        expect(401, 200, 200, 403, 403, 403, 404, 403)),
                new Route("DELETE /api/projects/{id}/tokens/{tokenId}", r -> r.delete(p + "/tokens/" + freshToken())
                        .statusCode(), expect(401, 204, 204, 403, 403, 403, 404, 403)));
    }

    @Test
    void everyCallerGetsWhatTheTableSays() {
        people();
        List<String> mismatches = new ArrayList<>();
        for (Route route : routes()) {
            for (Who who : Who.values()) {
                RequestSpecification request = given().contentType(ContentType.JSON)
                        .header("X-Forwarded-For", "10.9." + who.ordinal() + ".1");
                if (who != Who.ANONYMOUS) {
                    request.header("Authorization", bearer.get(who));
                }
                int status = route.call().apply(request);
                if (status != route.expected().get(who)) {
                    mismatches.add(route.name() + " as " + who + ": expected " + route.expected().get(who) + ", got " + status);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private String freshKey() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    private UUID freshUser() {
        return Fixtures.user(admin, "m-target", "DEVELOPER").id();
    }

    private String freshUserEmail() {
        String email = AuthApi.newEmail("m-candidate");
        admin.request().body(Map.of("email", email, "name", "C", "role", "DEVELOPER", "password", AuthApi.PASSWORD))
                .post("/api/admin/users").then().statusCode(201);
        return email;
    }

    private UUID freshMember() {
        Login member = Fixtures.user(admin, "m-member", "DEVELOPER");
        Fixtures.addMember(lead, project, member, "VIEWER");
        return member.id();
    }

    private String freshToken() {
        return Fixtures.apiToken(lead, project, "VIEWER").get("id");
    }
}
