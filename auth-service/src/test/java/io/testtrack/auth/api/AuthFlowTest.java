package io.testtrack.auth.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.testtrack.auth.AuthApi;
import io.testtrack.auth.Fixtures;
import io.testtrack.platform.testing.GreenMailResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AuthFlowTest {

    @Inject
    Pool pool;

    private final AuthApi api = new AuthApi();

    @Test
    void registerConfirmAndSignIn() throws Exception {
        String email = AuthApi.newEmail("ada");
        api.register(email, AuthApi.PASSWORD).then().statusCode(202).body("message", containsString("mail"));
        String token = GreenMailResource.tokenMailedTo(email, 1);
        api.login(email, AuthApi.PASSWORD).then().statusCode(403).body("detail", containsString("Confirm your e-mail"));

        api.request().body(Map.of("token", token)).post("/api/auth/verify").then().statusCode(200);
        api.request().body(Map.of("token", token)).post("/api/auth/verify").then().statusCode(400)
                .body("detail", containsString("invalid, used or expired"));

        Response login = api.login(email, AuthApi.PASSWORD);
        login.then().statusCode(200)
                .body("tokenType", is("Bearer"))
                .body("expiresIn", is(900))
                .body("user.email", is(email))
                .body("user.role", is("DEVELOPER"))
                .body("user", not(hasItem("passwordHash")));
        String setCookie = String.join("\n", login.getHeaders().getValues("Set-Cookie"));
        assertTrue(setCookie.matches("(?s).*tt_refresh=[^;]+;.*Path=/api/auth.*"), setCookie);
        String refreshCookie = login.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("tt_refresh"))
                .findFirst().orElseThrow();
        assertTrue(refreshCookie.contains("HttpOnly"), refreshCookie);
        assertTrue(refreshCookie.contains("Secure"), refreshCookie);
        assertTrue(refreshCookie.contains("SameSite=Strict"), refreshCookie);

        JsonNode claims = claims(login.jsonPath().getString("accessToken"));
        assertEquals("testtrack-auth", claims.get("iss").asText());
        assertEquals("testtrack-api", claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText());
        assertEquals(email, claims.get("upn").asText());
        assertEquals("DEVELOPER", claims.get("groups").get(0).asText());
        assertEquals(900, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertTrue(claims.hasNonNull("jti"));
        assertEquals(login.jsonPath().getString("user.id"), claims.get("sub").asText());

        api.request().header("Authorization", AuthApi.bearer(login)).get("/api/auth/me").then().statusCode(200)
                .body("email", is(email));
        String hash = scalar("SELECT password_hash FROM users WHERE lower(email) = lower($1)", email);
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "Argon2id at the OWASP minimum: "
                + hash.substring(0, 30));
    }

    @Test
    void registeringAKnownAddressAnswersTheSameAndWritesNothingNew() {
        String email = AuthApi.newEmail("twice");
        api.signUp(email);
        String first = api.register(email, AuthApi.PASSWORD).then().statusCode(202).extract().asString();
        String unknown = api.register(AuthApi.newEmail("fresh"), AuthApi.PASSWORD).then().statusCode(202).extract().asString();
        assertEquals(unknown, first);
        assertEquals("1", scalar("SELECT count(*)::text FROM users WHERE lower(email) = lower($1)", email));
        List<GreenMailResource.Mail> mails = GreenMailResource.mailsTo(email, 2);
        assertTrue(mails.get(1).subject().contains("Someone tried to register"), mails.get(1).subject());
    }

    @Test
    void badRegistrationsNameTheFieldAndWriteNothing() {
        String email = AuthApi.newEmail("weak");
        api.register(email, "short").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("password")).body("errors.message", hasItem(containsString("at least 12")));
        api.register(email, "Password1234").then().statusCode(400)
                .body("errors.message", hasItem(containsString("breached")));
        api.register(email, "x".repeat(257)).then().statusCode(400).body("errors.message", hasItem(containsString("256 bytes")));
        api.request().body(Map.of("email", "not-an-email", "name", "", "password", AuthApi.PASSWORD))
                .post("/api/auth/register").then().statusCode(400)
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("name"));
        api.request().body(Map.of("email", email, "name", "n".repeat(101), "password", AuthApi.PASSWORD))
                .post("/api/auth/register").then().statusCode(400).body("errors.field", hasItem("name"));
        api.request().body("{\"email\": \"" + email + "\", \"name\": ").post("/api/auth/register").then().statusCode(400)
                .body("type", is("/problems/malformed-json"));
        assertEquals("0", scalar("SELECT count(*)::text FROM users WHERE lower(email) = lower($1)", email));
    }

    @Test
    void refreshRotatesAndAReusedTokenEndsTheWholeSession() {
        Response login = api.signUp(AuthApi.newEmail("rotate"));
        Response rotated = api.refresh(login);
        rotated.then().statusCode(200).body("accessToken", not(emptyOrNullString()));
        assertNotEquals(login.getCookie("tt_refresh"), rotated.getCookie("tt_refresh"));

        api.refreshFrom(login, "a thief's browser").then().statusCode(401).contentType("application/problem+json");
        api.refresh(rotated).then().statusCode(401);
        api.refresh(login).then().statusCode(401);
    }

    @Test
    void aPageReloadedWhileItsRenewalWasInFlightStaysSignedIn() {
        Response login = api.signUp(AuthApi.newEmail("reload"));
        Response lost = api.refresh(login); // the answer the reloaded page never kept
        lost.then().statusCode(200);

        Response afterReload = api.refresh(login);
        afterReload.then().statusCode(200).body("accessToken", not(emptyOrNullString()));
        assertNotEquals(lost.getCookie("tt_refresh"), afterReload.getCookie("tt_refresh"));
        api.refresh(afterReload).then().statusCode(200);
        api.refresh(lost).then().statusCode(200);
    }

    @Test
    void refreshWithoutTheCsrfHeaderIsRefused() {
        Response login = api.signUp(AuthApi.newEmail("csrf"));
        api.request().cookie("tt_refresh", login.getCookie("tt_refresh")).cookie("tt_csrf", login.getCookie("tt_csrf"))
                .post("/api/auth/refresh").then().statusCode(403).body("detail", containsString("X-CSRF-Token"));
        api.request().cookie("tt_refresh", login.getCookie("tt_refresh")).cookie("tt_csrf", login.getCookie("tt_csrf"))
                .header("X-CSRF-Token", "guessed").post("/api/auth/refresh").then().statusCode(403);
        api.refresh(login).then().statusCode(200);
    }

    @Test
    void logoutEndsTheSessionAndLogoutAllEndsEveryOne() {
        String email = AuthApi.newEmail("logout");
        Response first = api.signUp(email);
        Response second = api.login(email, AuthApi.PASSWORD);
        Response third = api.login(email, AuthApi.PASSWORD);

        api.request().cookie("tt_refresh", first.getCookie("tt_refresh")).post("/api/auth/logout").then().statusCode(204);
        api.refresh(first).then().statusCode(401);
        api.refresh(second).then().statusCode(200);

        api.request().header("Authorization", AuthApi.bearer(third)).post("/api/auth/logout-all").then().statusCode(204);
        api.refresh(third).then().statusCode(401);
        assertEquals("0", scalar("SELECT count(*)::text FROM refresh_tokens r JOIN users u ON u.id = r.user_id "
                + "WHERE lower(u.email) = lower($1) AND r.revoked_at IS NULL", email));
    }

    @Test
    void passwordResetWorksOnceEndsSessionsAndTheOldPasswordStops() {
        String email = AuthApi.newEmail("reset");
        Response session = api.signUp(email);
        api.request().body(Map.of("email", AuthApi.newEmail("nobody"))).post("/api/auth/password/forgot").then().statusCode(202);
        api.request().body(Map.of("email", email)).post("/api/auth/password/forgot").then().statusCode(202);
        String token = GreenMailResource.tokenMailedTo(email, 2);

        String newPassword = "a much better passphrase";
        api.request().body(Map.of("token", token, "newPassword", "tooshort")).post("/api/auth/password/reset")
                .then().statusCode(400).body("errors.field", hasItem("newPassword"));
        api.request().body(Map.of("token", token, "newPassword", newPassword)).post("/api/auth/password/reset")
                .then().statusCode(200);
        api.request().body(Map.of("token", token, "newPassword", newPassword)).post("/api/auth/password/reset")
                .then().statusCode(400);

        api.refresh(session).then().statusCode(401);
        api.login(email, AuthApi.PASSWORD).then().statusCode(401);
        api.login(email, newPassword).then().statusCode(200);
    }

    @Test
    void anExpiredResetLinkIsRefused() {
        String email = AuthApi.newEmail("expired");
        api.signUp(email);
        api.request().body(Map.of("email", email)).post("/api/auth/password/forgot").then().statusCode(202);
        String token = GreenMailResource.tokenMailedTo(email, 2);
        pool.preparedQuery("UPDATE one_time_tokens SET expires_at = now() - interval '1 second' "
                + "WHERE purpose = 'RESET_PASSWORD' AND user_id = (SELECT id FROM users WHERE lower(email) = lower($1))")
                .execute(Tuple.of(email)).await().atMost(Duration.ofSeconds(5));
        api.request().body(Map.of("token", token, "newPassword", "a much better passphrase"))
                .post("/api/auth/password/reset").then().statusCode(400);
        api.login(email, AuthApi.PASSWORD).then().statusCode(200);
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndEndsOtherSessions() {
        String email = AuthApi.newEmail("change");
        Response session = api.signUp(email);
        Response other = api.login(email, AuthApi.PASSWORD);
        api.request().header("Authorization", AuthApi.bearer(session))
                .body(Map.of("currentPassword", "wrong password here", "newPassword", "another fine passphrase"))
                .post("/api/auth/password/change").then().statusCode(400);
        Response changed = api.request().header("Authorization", AuthApi.bearer(session))
                .body(Map.of("currentPassword", AuthApi.PASSWORD, "newPassword", "another fine passphrase"))
                .post("/api/auth/password/change");
        changed.then().statusCode(200).body("accessToken", not(emptyOrNullString()));
        api.refresh(other).then().statusCode(401);
        api.refresh(changed).then().statusCode(200);
        api.login(email, "another fine passphrase").then().statusCode(200);
    }

    @Test
    void aBcryptHashFromBeforeStillSignsInAndIsUpgradedToArgon2id() {
        String bcrypt = OpenBSDBCrypt.generate("2a", AuthApi.PASSWORD.toCharArray(), new byte[16], 4);
        String upgraded = signInWithStoredHash(bcrypt);
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
    }

    @Test
    void anArgon2HashOfTheEarlierJavaEncoderStillSignsInAndIsKept() {
        // made by the Bouncy Castle based encoder the service used before, at today's parameters
        String earlier = "$argon2id$v=19$m=19456,t=2,p=1$0RT1K2TYiS00JMWGBLx2Og$awl1XtNFmKmcXHH5CT0PTLm9Vw1cj0ky9KVBzZONM8k";
        assertEquals(earlier, signInWithStoredHash(earlier));
    }

    @Test
    void anArgon2HashAtWeakerParametersIsRehashedAtTheConfiguredCost() {
        String weaker = "$argon2id$v=19$m=8192,t=1,p=1$rukhJY98pc5nCUadFvxO7A$nGeEWLG2tDg2QfpYXQD/K4YnFr2yfT0cFfMD38+2B1A";
        String upgraded = signInWithStoredHash(weaker);
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
    }

    @Test
    void aStoredHashThatDoesNotDecodeIsAWrongPasswordNotAServerError() {
        String email = AuthApi.newEmail("corrupt");
        api.signUp(email);
        pool.preparedQuery("UPDATE users SET password_hash = $1 WHERE lower(email) = lower($2)")
                .execute(Tuple.of("$argon2id$v=19$m=19456,t=2,p=1$not-base64!$also-not", email)).await().atMost(Duration.ofSeconds(5));
        api.login(email, AuthApi.PASSWORD).then().statusCode(401).body("detail", is("Wrong e-mail or password."));
    }

    /** Stores the hash for a new account's password, signs in twice and answers the hash stored then. */
    private String signInWithStoredHash(String hash) {
        String email = AuthApi.newEmail("legacy");
        api.signUp(email);
        pool.preparedQuery("UPDATE users SET password_hash = $1 WHERE lower(email) = lower($2)")
                .execute(Tuple.of(hash, email)).await().atMost(Duration.ofSeconds(5));
        api.login(email, AuthApi.PASSWORD).then().statusCode(200);
        api.login(email, "not the password at all").then().statusCode(401);
        api.login(email, AuthApi.PASSWORD).then().statusCode(200);
        return scalar("SELECT password_hash FROM users WHERE lower(email) = lower($1)", email);
    }

    @Test
    void theFirstAdminCanSignIn() {
        Fixtures.awaitFirstAdmin();
        api.login("admin@testtrack.local", "change-me-now-please").then().statusCode(200).body("user.role", is("ADMIN"));
    }

    @Test
    void loginsAndFailuresAreAudited() {
        String email = AuthApi.newEmail("audit");
        api.signUp(email);
        api.login(email, "not the password at all").then().statusCode(401)
                .body("detail", is("Wrong e-mail or password."));
        String actions = scalar("SELECT string_agg(action || '@' || coalesce(ip, '-'), ',' ORDER BY id) FROM audit_log "
                + "WHERE actor_email = $1", email);
        assertTrue(actions.contains("LOGIN_SUCCEEDED@10."), actions);
        assertTrue(actions.contains("LOGIN_FAILED@10."), actions);
        assertTrue(actions.contains("EMAIL_VERIFIED"), actions);
    }

    private String scalar(String sql, String parameter) {
        var rows = pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5));
        return String.valueOf(rows.iterator().next().getValue(0));
    }

    private static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
