package io.testtrack.auth.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.testtrack.auth.AuthApi;
import io.testtrack.auth.Fixtures;
import io.testtrack.auth.Fixtures.Login;
import io.testtrack.events.Topics;
import io.testtrack.platform.testing.GreenMailResource;
import io.testtrack.platform.testing.WireTap;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AdminFlowTest {

    @Test
    void anInvitedUserChoosesAPasswordFromTheMail() {
        Login admin = Fixtures.admin();
        String email = AuthApi.newEmail("invited");
        admin.request().body(Map.of("email", email, "name", "Grace", "role", "TESTER"))
                .post("/api/admin/users").then().statusCode(201).body("emailVerified", is(false));
        AuthApi api = new AuthApi();
        api.login(email, AuthApi.PASSWORD).then().statusCode(401);
        String token = GreenMailResource.tokenMailedTo(email, 1);
        api.request().body(Map.of("token", token, "newPassword", AuthApi.PASSWORD)).post("/api/auth/password/reset")
                .then().statusCode(200);
        api.login(email, AuthApi.PASSWORD).then().statusCode(200).body("user.role", is("TESTER"));
    }

    @Test
    void usersAreListedSearchedAndPaged() {
        Login admin = Fixtures.admin();
        String marker = "zz" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            admin.request().body(Map.of("email", marker + i + "@example.com", "name", "Searchable " + i, "role", "DEVELOPER"))
                    .post("/api/admin/users").then().statusCode(201);
        }
        admin.request().get("/api/admin/users?q=" + marker + "&size=2").then().statusCode(200)
                .body("total", is(3)).body("items.size()", is(2)).body("items[0].email", is(marker + "0@example.com"));
        admin.request().get("/api/admin/users?q=" + marker + "&size=2&page=1").then().statusCode(200)
                .body("items.size()", is(1));
        admin.request().get("/api/admin/users?size=1000").then().statusCode(400).body("errors[0].field", containsString("size"));
        admin.request().body(Map.of("email", marker + "0@example.com", "name", "Again", "role", "DEVELOPER"))
                .post("/api/admin/users").then().statusCode(409);
    }

    @Test
    void deactivationEndsSessionsAndApiTokensAtOnceAndIsAnnounced() {
        Login admin = Fixtures.admin();
        Login lead = Fixtures.user(admin, "leaving", "TESTER");
        UUID project = Fixtures.project(lead);
        String secret = Fixtures.apiToken(lead, project, "TESTER").get("token");
        Response session = new AuthApi().login(lead.email(), AuthApi.PASSWORD);

        try (WireTap wire = new WireTap(Topics.ACCESS)) {
            admin.request().body(Map.of("active", false)).patch("/api/admin/users/" + lead.id()).then().statusCode(200)
                    .body("active", is(false));
            wire.until(records -> records.stream().anyMatch(r -> lead.id().toString().equals(r.key())
                    && r.value().contains("UserDeactivated")), Duration.ofSeconds(30));
        }
        lead.request().get("/api/projects/" + project).then().statusCode(401);
        new AuthApi().refresh(session).then().statusCode(401);
        new AuthApi().login(lead.email(), AuthApi.PASSWORD).then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").header("X-Internal-Secret", Fixtures.INTERNAL_SECRET)
                .body(Map.of("token", secret)).post("/internal/api-tokens/exchange").then().statusCode(401);

        admin.request().body(Map.of("active", true)).patch("/api/admin/users/" + lead.id()).then().statusCode(200);
        new AuthApi().login(lead.email(), AuthApi.PASSWORD).then().statusCode(200);
    }

    @Test
    void roleChangesAreAnnouncedAndTheLastAdminStays() {
        Login admin = Fixtures.admin();
        Login dev = Fixtures.user(admin, "promoted", "DEVELOPER");
        try (WireTap wire = new WireTap(Topics.ACCESS)) {
            admin.request().body(Map.of("role", "TESTER")).patch("/api/admin/users/" + dev.id()).then().statusCode(200)
                    .body("role", is("TESTER"));
            wire.until(records -> records.stream().anyMatch(r -> dev.id().toString().equals(r.key())
                    && r.value().contains("UserRoleChanged")), Duration.ofSeconds(30));
        }
        admin.request().body(Map.of("role", "OWNER")).patch("/api/admin/users/" + dev.id()).then().statusCode(400);
        admin.request().body(Map.of("active", false)).patch("/api/admin/users/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theAuditLogPagesThroughWhatHappened() {
        Login admin = Fixtures.admin();
        Login dev = Fixtures.user(admin, "audited", "DEVELOPER");
        admin.request().body(Map.of("role", "TESTER")).patch("/api/admin/users/" + dev.id()).then().statusCode(200);
        admin.request().get("/api/admin/audit?action=ROLE_CHANGED&actor=" + admin.id() + "&size=5").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.action", hasItem("ROLE_CHANGED"))
                .body("items[0].targetId", is(dev.id().toString()))
                .body("items[0].details", is("DEVELOPER -> TESTER"));
        admin.request().get("/api/admin/audit?action=LOGIN_SUCCEEDED&size=1").then().statusCode(200)
                .body("items[0].ip", containsString("10."));
    }
}
