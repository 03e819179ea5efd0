package io.testtrack.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The running platform, reached through its gateway only, as a browser or a CI pipeline reaches it. */
final class Stack {

    static final String GATEWAY = gateway();
    static final String ADMIN_EMAIL = env("TESTTRACK_ADMIN_EMAIL", "admin@testtrack.local");
    static final String ADMIN_PASSWORD = env("TESTTRACK_ADMIN_PASSWORD", "change-me-now-please");
    static final String PASSWORD = "system-test-password-42";

    private Stack() {
    }

    static RequestSpecification as(String token) {
        return given().baseUri(GATEWAY).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    static String signIn(String email, String password) {
        return given().baseUri(GATEWAY).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    static String admin() {
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A new project of the admin's, with a key no other run of the tests used. */
    static UUID project(String admin, String name) {
        return UUID.fromString(as(admin).body(Map.of("key", key(), "name", name)).post("/api/projects")
                .then().statusCode(201).extract().path("id"));
    }

    /** A new active user with the given global role, created by the admin; answers the user's e-mail. */
    static String user(String admin, String role) {
        String email = "system-" + UUID.randomUUID() + "@testtrack.test";
        as(admin).body(Map.of("email", email, "name", "System test " + role, "role", role, "password", PASSWORD))
                .post("/api/admin/users").then().statusCode(201);
        return email;
    }

    static String key() {
        StringBuilder key = new StringBuilder("S");
        for (int i = 0; i < 7; i++) {
            key.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return key.toString();
    }

    private static String gateway() {
        String configured = System.getProperty("testtrack.gateway");
        return configured == null || configured.isBlank() || configured.startsWith("${") ? "http://localhost:8080" : configured;
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
