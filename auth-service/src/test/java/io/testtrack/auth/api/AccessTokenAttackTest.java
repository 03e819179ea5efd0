package io.testtrack.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.testtrack.auth.AuthApi;
import io.testtrack.platform.testing.GreenMailResource;
import io.testtrack.platform.testing.TestTokens;
import io.testtrack.platform.testing.TestTokens.Forgery;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way of faking an access token gets 401 problem+json, never the user's data. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AccessTokenAttackTest {

    @Inject
    Pool pool;

    private final AuthApi api = new AuthApi();

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void aForgedTokenIsRefused(Forgery forgery) {
        String email = AuthApi.newEmail("forged");
        Response session = api.signUp(email);
        UUID userId = UUID.fromString(session.jsonPath().getString("user.id"));

        given().header("Authorization", "Bearer " + TestTokens.forged(forgery, userId, email, "DEVELOPER"))
                .get("/api/auth/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", is(401));
    }

    @Test
    void theSameClaimsSignedWithTheRightKeyAreAccepted() {
        String email = AuthApi.newEmail("genuine");
        Response session = api.signUp(email);
        UUID userId = UUID.fromString(session.jsonPath().getString("user.id"));
        given().header("Authorization", "Bearer " + TestTokens.valid(userId, email, "DEVELOPER"))
                .get("/api/auth/me").then().statusCode(200).body("email", is(email));
    }

    @Test
    void noTokenOrGarbageIsRefused() {
        given().get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.jwt").get("/api/auth/me").then().statusCode(401);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aDeactivatedUsersStillUnexpiredTokenIsRefused() {
        String email = AuthApi.newEmail("deactivated");
        Response session = api.signUp(email);
        pool.preparedQuery("UPDATE users SET active = false WHERE lower(email) = lower($1)").execute(Tuple.of(email))
                .await().atMost(Duration.ofSeconds(5));
        api.request().header("Authorization", AuthApi.bearer(session)).get("/api/auth/me").then().statusCode(401);
        api.refresh(session).then().statusCode(401);
        api.login(email, AuthApi.PASSWORD).then().statusCode(403);
    }
}
