package io.testtrack.auth.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.testtrack.auth.AuthApi;
import io.testtrack.auth.Fixtures;
import io.testtrack.auth.Fixtures.Login;
import io.testtrack.platform.testing.GreenMailResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The guards around a session: what ends access tokens (and how the gateway learns it), role
 * changes, guessing the current password, and what forgot-password lets a stranger learn.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class SessionGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @TestHTTPResource("/api/auth/password/forgot")
    URI forgot;

    @TestHTTPResource("/api/auth/register")
    URI register;

    private final AuthApi api = new AuthApi();

    /**
     * The gateway's rule over what auth-service writes to Redis: a user's token stops when the
     * user's session generation is above the one the token was issued in.
     */
    private boolean revoked(String bearer) {
        JsonNode claims = claims(bearer);
        Long current = redis.value(Long.class).get("tt:session-generation:" + claims.get("sub").asText());
        return current != null && claims.path("tt_sg").asLong(0) < current;
    }

    private static JsonNode claims(String bearer) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(bearer.substring("Bearer ".length()).split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTokenIssuedInTheSameSecondAsLogoutAllIsRevokedByIt() {
        String email = AuthApi.newEmail("same-second");
        api.signUp(email);
        for (int attempt = 0; attempt < 5; attempt++) {
            Response session = api.login(email, AuthApi.PASSWORD);
            String bearer = AuthApi.bearer(session);
            long issuedAt = claims(bearer).get("iat").asLong();
            api.request().header("Authorization", bearer).post("/api/auth/logout-all").then().statusCode(204);
            if (System.currentTimeMillis() / 1000 != issuedAt) {
                continue; // the second turned between the two calls: try again, the case is the same second
            }
            assertTrue(revoked(bearer), "a token issued in the revocation's own second is revoked by it");
            String next = AuthApi.bearer(api.login(email, AuthApi.PASSWORD));
            assertFalse(revoked(next), "a session started after the revocation is not");
            return;
        }
        throw new AssertionError("login and logout-all never fell in the same second");
    }

    @Test
    void aChangedPasswordRevokesEveryEarlierTokenButNotTheNewSession() {
        String email = AuthApi.newEmail("change-revokes");
        Response session = api.signUp(email);
        Response other = api.login(email, AuthApi.PASSWORD);
        Response changed = api.request().header("Authorization", AuthApi.bearer(session))
                .body(Map.of("currentPassword", AuthApi.PASSWORD, "newPassword", "another fine passphrase"))
                .post("/api/auth/password/change");
        changed.then().statusCode(200);
        assertTrue(revoked(AuthApi.bearer(session)));
        assertTrue(revoked(AuthApi.bearer(other)));
        assertFalse(revoked(AuthApi.bearer(changed)), "the session the change starts goes on");
        api.request().header("Authorization", AuthApi.bearer(changed)).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aDemotedAdminLosesAdminRightsAtOnceAndCannotUndoIt() {
        Login admin = Fixtures.admin();
        Login demoted = Fixtures.user(admin, "demoted", "ADMIN");
        Response session = new AuthApi().login(demoted.email(), AuthApi.PASSWORD);
        demoted.request().get("/api/admin/users").then().statusCode(200);

        admin.request().body(Map.of("role", "TESTER")).patch("/api/admin/users/" + demoted.id()).then().statusCode(200)
                .body("role", is("TESTER"));

        demoted.request().get("/api/admin/users").then().statusCode(403);
        demoted.request().body(Map.of("role", "ADMIN")).patch("/api/admin/users/" + demoted.id()).then().statusCode(403);
        admin.request().get("/api/admin/users?q=" + demoted.email()).then().statusCode(200)
                .body("items.role", contains("TESTER"));
        assertTrue(revoked(demoted.bearer()), "the gateway refuses the tokens that still say ADMIN");
        // The session itself goes on: a refresh hands a token with the new role.
        Response refreshed = new AuthApi().refresh(session);
        refreshed.then().statusCode(200).body("user.role", is("TESTER"));
        assertEquals("TESTER", claims(AuthApi.bearer(refreshed)).get("groups").get(0).asText());
        assertFalse(revoked(AuthApi.bearer(refreshed)));
    }

    @Test
    void aDemotedAdminsTokenNoLongerOpensProjectsOutsideTheirOwn() {
        Login admin = Fixtures.admin();
        UUID project = Fixtures.project(admin);
        Login demoted = Fixtures.user(admin, "demoted-projects", "ADMIN");
        demoted.request().get("/api/projects/" + project).then().statusCode(200);

        admin.request().body(Map.of("role", "DEVELOPER")).patch("/api/admin/users/" + demoted.id()).then().statusCode(200);

        demoted.request().get("/api/projects/" + project).then().statusCode(404);
        demoted.request().get("/api/projects").then().statusCode(200).body("id", not(hasItem(project.toString())));
        demoted.request().body(Map.of("name", "Taken over")).patch("/api/projects/" + project).then().statusCode(404);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledAndAuditedLikeALogin() {
        String email = AuthApi.newEmail("guessed");
        Response session = api.signUp(email);
        String bearer = AuthApi.bearer(session);
        UUID userId = UUID.fromString(session.jsonPath().getString("user.id"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            api.request().header("Authorization", bearer)
                    .body(Map.of("currentPassword", "wrong guess number " + attempt, "newPassword", "another fine passphrase"))
                    .post("/api/auth/password/change").then().statusCode(400);
        }
        var refused = api.request().header("Authorization", bearer)
                .body(Map.of("currentPassword", "wrong guess number 6", "newPassword", "another fine passphrase"))
                .post("/api/auth/password/change").then().statusCode(429).contentType("application/problem+json")
                .body("type", is("/problems/too-many-requests")).extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        // Held back even with the right password, and the account's logins with it: one count per account.
        api.request().header("Authorization", bearer)
                .body(Map.of("currentPassword", AuthApi.PASSWORD, "newPassword", "another fine passphrase"))
                .post("/api/auth/password/change").then().statusCode(429);
        new AuthApi().login(email, AuthApi.PASSWORD).then().statusCode(429);

        Fixtures.admin().request().get("/api/admin/audit?action=PASSWORD_CHANGE_FAILED&actor=" + userId).then()
                .statusCode(200).body("total", greaterThanOrEqualTo(5));
    }

    @Test
    void forgotPasswordAnswersBeforeTouchingTheAccountAndTheMailStillGoesOut() throws Exception {
        String email = AuthApi.newEmail("forgot-fast");
        Response session = api.signUp(email);
        UUID userId = UUID.fromString(session.jsonPath().getString("user.id"));
        HttpClient client = HttpClient.newHttpClient();
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            // While the account's row is locked, nothing that writes for the account can finish.
            Transaction locked = connection.begin().await().atMost(Duration.ofSeconds(5));
            connection.preparedQuery("SELECT id FROM users WHERE id = $1 FOR UPDATE").execute(Tuple.of(userId))
                    .await().atMost(Duration.ofSeconds(5));
            for (String address : new String[] { email, AuthApi.newEmail("nobody") }) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(forgot).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", "10.200.0.1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + address + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, answer.statusCode(), answer.body());
            }
            locked.commit().await().atMost(Duration.ofSeconds(5));
        } finally {
            connection.close().await().atMost(Duration.ofSeconds(5));
        }
        String token = GreenMailResource.tokenMailedTo(email, 2);
        api.request().body(Map.of("token", token, "newPassword", "a much better passphrase")).post("/api/auth/password/reset")
                .then().statusCode(200);
    }

    @Test
    void registerAnswersBeforeTouchingAccountsAndTheMailsStillGoOut() throws Exception {
        String known = AuthApi.newEmail("register-known");
        api.signUp(known);
        String fresh = AuthApi.newEmail("register-fresh");
        HttpClient client = HttpClient.newHttpClient();
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            // While no account can be written, both answers still come at once.
            Transaction locked = connection.begin().await().atMost(Duration.ofSeconds(5));
            connection.query("LOCK TABLE users IN EXCLUSIVE MODE").execute().await().atMost(Duration.ofSeconds(5));
            for (String address : new String[] { known, fresh }) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(register).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", "10.200.0.2")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + address
                                + "\",\"name\":\"Someone\",\"password\":\"" + AuthApi.PASSWORD + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, answer.statusCode(), answer.body());
            }
            locked.commit().await().atMost(Duration.ofSeconds(5));
        } finally {
            connection.close().await().atMost(Duration.ofSeconds(5));
        }
        assertTrue(GreenMailResource.mailsTo(known, 2).get(1).subject().contains("Someone tried to register"));
        String token = GreenMailResource.tokenMailedTo(fresh, 1);
        api.request().body(Map.of("token", token)).post("/api/auth/verify").then().statusCode(200);
        api.login(fresh, AuthApi.PASSWORD).then().statusCode(200);
    }
}
