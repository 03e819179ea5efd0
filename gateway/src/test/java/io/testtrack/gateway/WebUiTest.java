package io.testtrack.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a web UI build present, the gateway serves its files and answers index.html for client-side routes. */
@QuarkusTest
@TestProfile(WebUiTest.WithBuild.class)
@QuarkusTestResource(DownstreamStub.class)
class WebUiTest {

    public static class WithBuild implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Path.of("target", "test-web-ui");
            try {
                Files.createDirectories(dir.resolve("assets"));
                Files.writeString(dir.resolve("index.html"), "<!doctype html><title>TestTrack Pro</title><div id=root></div>");
                Files.writeString(dir.resolve("assets/app.js"), "console.log('testtrack');");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("gateway.web-ui-directory", dir.toAbsolutePath().toString());
        }
    }

    @Test
    void servesTheBuildAndFallsBackToIndexForClientRoutes() {
        given().get("/").then().statusCode(200).body(containsString("TestTrack Pro"));
        given().get("/assets/app.js").then().statusCode(200).body(containsString("testtrack"));
        given().get("/projects/SHOP/runs/42").then().statusCode(200).body(containsString("<div id=root>"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/assets/missing.js").then().statusCode(404);
        given().get("/api/unknown").then().statusCode(404).body("type", is("/problems/not-found"));
    }
}
