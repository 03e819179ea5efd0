package io.testtrack.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.testtrack.platform.testing.GreenMailResource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Drives /api/auth the way a browser would, for tests: each instance is one client address. */
public final class AuthApi {

    public static final String PASSWORD = "correct horse battery staple";

    private final String ip;

    public AuthApi() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static String newEmail(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public RequestSpecification request() {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON);
    }

    public Response register(String email, String password) {
        return request().body(Map.of("email", email, "name", "Test User", "password", password)).post("/api/auth/register");
    }

    public Response login(String email, String password) {
        return request().body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    /** Registers, confirms the mailed link and logs in; answers the login response. */
    public Response signUp(String email) {
        register(email, PASSWORD).then().statusCode(202);
        String token = GreenMailResource.tokenMailedTo(email, 1);
        request().body(Map.of("token", token)).post("/api/auth/verify").then().statusCode(200);
        Response login = login(email, PASSWORD);
        login.then().statusCode(200);
        return login;
    }

    public Response refresh(Response session) {
        return renewal(session).post("/api/auth/refresh");
    }

    /** A renewal with the session's cookies from another browser, one that says it is {@code userAgent}. */
    public Response refreshFrom(Response session, String userAgent) {
        return renewal(session).header("User-Agent", userAgent).post("/api/auth/refresh");
    }

    private RequestSpecification renewal(Response session) {
        return request().cookie("tt_refresh", session.getCookie("tt_refresh"))
                .cookie("tt_csrf", session.getCookie("tt_csrf"))
                .header("X-CSRF-Token", session.getCookie("tt_csrf"));
    }

    public static String bearer(Response session) {
        return "Bearer " + session.jsonPath().getString("accessToken");
    }
}
