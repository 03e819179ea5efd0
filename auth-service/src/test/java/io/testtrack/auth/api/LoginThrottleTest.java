package io.testtrack.auth.api;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.auth.AuthApi;
import io.testtrack.platform.testing.GreenMailResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class LoginThrottleTest {

    @Test
    void theSixthFailedLoginWithinTheWindowIsA429WithRetryAfter() {
        AuthApi api = new AuthApi();
        String email = AuthApi.newEmail("brute");
        api.signUp(email);
        for (int attempt = 1; attempt <= 5; attempt++) {
            api.login(email, "wrong password " + attempt).then().statusCode(401);
        }
        var refused = api.login(email, "wrong password 6").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", is("/problems/too-many-requests"))
                .extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);

        // Held back even with the right password, and from another address too: the account is throttled.
        api.login(email, AuthApi.PASSWORD).then().statusCode(429);
        new AuthApi().login(email, AuthApi.PASSWORD).then().statusCode(429);
    }

    @Test
    void oneAddressTryingManyAccountsIsHeldBackToo() {
        AuthApi attacker = new AuthApi();
        for (int attempt = 1; attempt <= 20; attempt++) {
            attacker.login(AuthApi.newEmail("spray"), "Spring2026!!!!").then().statusCode(401);
        }
        attacker.login(AuthApi.newEmail("spray"), "Spring2026!!!!").then().statusCode(429);
        // Someone else, elsewhere, is not affected.
        AuthApi other = new AuthApi();
        String email = AuthApi.newEmail("bystander");
        other.signUp(email);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        AuthApi api = new AuthApi();
        String email = AuthApi.newEmail("recovers");
        api.signUp(email);
        for (int attempt = 1; attempt <= 4; attempt++) {
            api.login(email, "wrong password " + attempt).then().statusCode(401);
        }
        api.login(email, AuthApi.PASSWORD).then().statusCode(200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            api.login(email, "wrong password " + attempt).then().statusCode(401);
        }
        api.login(email, AuthApi.PASSWORD).then().statusCode(200);
    }
}
