package io.testtrack.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * With a web UI build present, the gateway serves its files compressed to browsers that accept it,
 * lets browsers keep the hashed assets and answers index.html for client-side routes.
 */
@QuarkusTest
@TestProfile(WebUiTest.WithBuild.class)
@QuarkusTestResource(DownstreamStub.class)
class WebUiTest {

    static final Path BUILD = Path.of("target", "test-web-ui");
    /** Something the size of a real chunk, so that compressing it is worth it. */
    static final String SCRIPT = "export const greetings=[" + "\"testtrack\",".repeat(2000) + "];\n";
    static final String STYLES = ".card{padding:1rem;margin:0 auto}\n".repeat(300);

    public static class WithBuild implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(BUILD.resolve("assets"));
                Files.writeString(BUILD.resolve("index.html"), "<!doctype html><title>TestTrack Pro</title><div id=root></div>"
                        + "<script type=module src=/assets/index-Ab12Cd34.js></script>".repeat(20));
                Files.writeString(BUILD.resolve("assets/index-Ab12Cd34.js"), SCRIPT);
                Files.writeString(BUILD.resolve("assets/index-Ef56Gh78.css"), STYLES);
                Files.writeString(BUILD.resolve("favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'>" + "<g/>".repeat(200) + "</svg>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("gateway.web-ui-directory", BUILD.toAbsolutePath().toString());
        }
    }

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheBuildAndFallsBackToIndexForClientRoutes() {
        given().get("/").then().statusCode(200).body(containsString("TestTrack Pro"));
        given().get("/assets/index-Ab12Cd34.js").then().statusCode(200).body(containsString("testtrack"));
        given().get("/projects/SHOP/runs/42").then().statusCode(200).body(containsString("<div id=root>"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/assets/missing.js").then().statusCode(404);
        given().get("/api/unknown").then().statusCode(404).body("type", is("/problems/not-found"));
    }

    @Test
    void textFilesGoOutGzippedAndDecompressToTheFile() throws Exception {
        for (String path : new String[] {"assets/index-Ab12Cd34.js", "assets/index-Ef56Gh78.css", "index.html", "favicon.svg"}) {
            HttpResponse<byte[]> response = get(path, "gzip, deflate, br");
            byte[] file = Files.readAllBytes(BUILD.resolve(path));
            assertEquals(200, response.statusCode(), path);
            assertEquals("gzip", encoding(response), path);
            assertTrue(response.body().length < file.length / 2, path + ": " + response.body().length + " bytes of " + file.length);
            assertArrayEquals(file, gunzip(response.body()), path);
        }
        HttpResponse<byte[]> route = get("projects/SHOP/cases", "gzip");
        assertEquals("gzip", encoding(route));
        assertTrue(new String(gunzip(route.body()), StandardCharsets.UTF_8).contains("<div id=root>"));
    }

    @Test
    void aBrowserThatDoesNotAcceptCompressionGetsThePlainFile() throws Exception {
        HttpResponse<byte[]> response = get("assets/index-Ab12Cd34.js", null);
        assertEquals("none", encoding(response));
        assertEquals(SCRIPT, new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void hashedAssetsAreKeptForAYearAndIndexIsRevalidated() throws Exception {
        for (String path : new String[] {"assets/index-Ab12Cd34.js", "assets/index-Ef56Gh78.css"}) {
            String cache = get(path, "gzip").headers().firstValue("Cache-Control").orElse("");
            assertTrue(cache.contains("max-age=31536000") && cache.contains("immutable") && cache.contains("public"),
                    path + ": " + cache);
        }
        for (String path : new String[] {"", "index.html", "projects/SHOP/runs/42", "favicon.svg"}) {
            String cache = get(path, "gzip").headers().firstValue("Cache-Control").orElse("");
            assertEquals("no-cache", cache, "/" + path);
        }
    }

    @Test
    void apiAnswersAreNotCompressed() throws Exception {
        HttpResponse<byte[]> response = get("api/unknown", "gzip");
        assertEquals(404, response.statusCode());
        assertTrue(!"gzip".equals(encoding(response)) && !"deflate".equals(encoding(response)), encoding(response));
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("/problems/not-found"));
    }

    private static String encoding(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").orElse("none");
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return unzipped.readAllBytes();
        }
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
