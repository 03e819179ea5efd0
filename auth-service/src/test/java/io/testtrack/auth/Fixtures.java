package io.testtrack.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test data through the public API: users made by the admin, projects, members, API tokens. */
public final class Fixtures {

    public static final String ADMIN_EMAIL = "admin@testtrack.local";
    public static final String ADMIN_PASSWORD = "change-me-now-please";
    public static final String INTERNAL_SECRET = "test-internal-secret";

    private Fixtures() {
    }

    /** A signed-in user: id, e-mail and bearer header value. */
    public record Login(UUID id, String email, String bearer) {
        public RequestSpecification request() {
            return given().contentType(ContentType.JSON).header("Authorization", bearer);
        }
    }

    public static Login admin() {
        awaitFirstAdmin();
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private static volatile boolean firstAdminSettled;

    /** The first admin is created beside the start-up; the service reports ready once it exists (asked once). */
    public static void awaitFirstAdmin() {
        if (!firstAdminSettled) {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> given().get("/q/health/ready").statusCode() == 200);
            firstAdminSettled = true;
        }
    }

    public static Login login(String email, String password) {
        var response = new AuthApi().login(email, password);
        response.then().statusCode(200);
        return new Login(UUID.fromString(response.jsonPath().getString("user.id")), email, AuthApi.bearer(response));
    }

    /** A verified user with this global role, created by the admin, signed in. */
    public static Login user(Login admin, String label, String globalRole) {
        String email = AuthApi.newEmail(label);
        admin.request().body(Map.of("email", email, "name", label, "role", globalRole, "password", AuthApi.PASSWORD))
                .post("/api/admin/users").then().statusCode(201);
        return login(email, AuthApi.PASSWORD);
    }

    public static UUID project(Login creator) {
        String key = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        return UUID.fromString(creator.request().body(Map.of("key", key, "name", "Project " + key, "description", "test"))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getString("id"));
    }

    public static void addMember(Login lead, UUID projectId, Login member, String role) {
        lead.request().body(Map.of("email", member.email(), "role", role))
                .post("/api/projects/" + projectId + "/members").then().statusCode(201);
    }

    /** Creates an API token and answers {id, token}. */
    public static Map<String, String> apiToken(Login lead, UUID projectId, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "ci-" + UUID.randomUUID(), "role", role));
        var created = lead.request().body(body).post("/api/projects/" + projectId + "/tokens").then().statusCode(201)
                .extract().jsonPath();
        return Map.of("id", created.getString("id"), "token", created.getString("token"));
    }

    /** What the gateway does with a {@code tt_…} secret: trade it for an access token. */
    public static String exchange(String secret) {
        return given().contentType(ContentType.JSON).header("X-Internal-Secret", INTERNAL_SECRET)
                .body(Map.of("token", secret)).post("/internal/api-tokens/exchange")
                .then().statusCode(200).extract().jsonPath().getString("accessToken");
    }
}
