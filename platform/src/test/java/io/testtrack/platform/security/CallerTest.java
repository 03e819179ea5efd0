package io.testtrack.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The request's caller: read from the access token once per request, the same principal for the
 * whole request, another one for the next request, and a 401 problem for a missing token or for a
 * signed token whose claims name no principal.
 */
@QuarkusTest
class CallerTest {

    @Test
    void oneRequestSeesOnePrincipalAndTheNextRequestItsOwn() {
        UUID user = UUID.randomUUID();
        given().header("Authorization", "Bearer " + TestTokens.valid(user, "cal@shop.example", "TESTER"))
                .get("/probe/caller").then().statusCode(200)
                .body("kind", equalTo("user"))
                .body("actorId", equalTo(user.toString()))
                .body("sameAfterAQuery", equalTo(true));

        UUID token = UUID.randomUUID();
        given().header("Authorization", "Bearer " + TestTokens.apiToken(token, UUID.randomUUID(), "TESTER"))
                .get("/probe/caller").then().statusCode(200)
                .body("kind", equalTo("api-token"))
                .body("actorId", equalTo(token.toString()))
                .body("sameAfterAQuery", equalTo(true));
    }

    @Test
    void noTokenIsA401Problem() {
        given().get("/probe/caller").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"))
                .body("detail", equalTo("A valid access token is required."));
    }

    @Test
    void aSignedTokenWithAnUnknownRoleIsA401Problem() {
        given().header("Authorization", "Bearer " + TestTokens.valid(UUID.randomUUID(), "odd@shop.example", "SUPERUSER"))
                .get("/probe/caller").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The access token is malformed."));
    }

    @Test
    void aPersonalRouteRefusesAnApiTokenWithTheRoutesReason() {
        UUID user = UUID.randomUUID();
        given().header("Authorization", "Bearer " + TestTokens.valid(user, "me@shop.example", "DEVELOPER"))
                .get("/probe/caller/user").then().statusCode(200).body("userId", equalTo(user.toString()));
        given().header("Authorization", "Bearer " + TestTokens.apiToken(UUID.randomUUID(), UUID.randomUUID(), "VIEWER"))
                .get("/probe/caller/user").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Only people may ask this."));
    }
}
