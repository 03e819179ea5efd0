package io.testtrack.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.testtrack.gateway.security.RateCounters;
import io.testtrack.platform.testing.ChunkedRequests;
import io.testtrack.platform.testing.TestTokens;
import io.testtrack.platform.testing.TestTokens.Forgery;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway in front of a real HTTP server standing in for the services. */
@QuarkusTest
@QuarkusTestResource(DownstreamStub.class)
class GatewayTest {

    @Inject
    RedisDataSource redis;

    @Inject
    RateCounters counters;

    @TestHTTPResource("/")
    URI gateway;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    private static String user() {
        return "Bearer " + TestTokens.valid(UUID.randomUUID(), "u@example.com", "TESTER");
    }

    private static JsonObject seen(Response response) {
        String requestId = response.header("X-Request-Id");
        JsonObject seen = DownstreamStub.RECEIVED.get(requestId);
        return seen;
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/me", "/api/admin/users", "/api/projects/1/members", "/api/tests/42/steps",
            "/api/suites", "/api/fields", "/api/shared-steps", "/api/runs/7", "/api/executions/9/steps/1",
            "/api/imports/junit", "/api/bugs", "/api/github/webhook", "/api/analytics/trends", "/api/reports/1",
            "/api/notifications", "/api/webhooks" })
    void everyRouteOfDesignMdReachesItsServiceWithPathAndQuery(String path) {
        Response response = given().urlEncodingEnabled(false).header("Authorization", user()).get(path + "?page=2&q=a%20b");
        response.then().statusCode(200).body("path", is(path)).body("query", is("page=2&q=a%20b"));
    }

    @Test
    void anAccessTokenInTheQueryIsNotForwarded() {
        String token = TestTokens.valid(UUID.randomUUID(), "q@example.com", "TESTER");
        given().header("Authorization", "Bearer " + token).get("/api/tests?access_token=" + token + "&page=2")
                .then().statusCode(200).body("query", is("page=2"));
    }

    @Test
    void unknownRoutesAreA404ProblemAndInternalRoutesAreNotExposed() {
        given().header("Authorization", user()).get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("type", is("/problems/not-found"));
        given().contentType(ContentType.JSON).body("{\"token\":\"" + DownstreamStub.VALID_API_TOKEN + "\"}")
                .header("X-Internal-Secret", "test-internal-secret").post("/internal/api-tokens/exchange")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/some/page").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void publicAuthRoutesNeedNoTokenAndEverythingElseDoes() {
        Response login = given().contentType(ContentType.JSON).body("{}").post("/api/auth/login");
        login.then().statusCode(200);
        assertNull(seen(login).getJsonObject("headers").getString("authorization"));
        // the unsubscribe link of a notification mail: signed, checked by notification-service
        Response unsubscribe = given().urlEncodingEnabled(false).get("/api/notifications/unsubscribe?user=u&type=ALL&sig=s");
        unsubscribe.then().statusCode(200);
        assertEquals("/api/notifications/unsubscribe", seen(unsubscribe).getString("path"));
        given().get("/api/notifications/preferences").then().statusCode(401);

        // GitHub's signed deliveries go on without a token (defect-service checks the signature), with their headers.
        Response delivery = given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=00")
                .header("X-GitHub-Delivery", "d-1").body("{}").post("/api/github/webhooks/" + UUID.randomUUID());
        delivery.then().statusCode(200);
        assertEquals("sha256=00", seen(delivery).getJsonObject("headers").getString("x-hub-signature-256"));
        given().header("X-Request-Id", "never-" + UUID.randomUUID()).contentType(ContentType.JSON).body("{}")
                .post("/api/github/integrations").then().statusCode(401);
        given().urlEncodingEnabled(false).get("/api/github/webhooks/%2e%2e/integrations").then().statusCode(401);

        Response refused = given().header("X-Request-Id", "never-" + UUID.randomUUID()).get("/api/tests");
        refused.then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        assertNull(DownstreamStub.RECEIVED.get(refused.header("X-Request-Id")), "a refused request never reaches a service");
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void forgedTokensStopAtTheGateway(Forgery forgery) {
        String requestId = "forged-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId)
                .header("Authorization", "Bearer " + TestTokens.forged(forgery, UUID.randomUUID(), "x@example.com", "ADMIN"))
                .get("/api/admin/users").then().statusCode(401).contentType("application/problem+json");
        assertNull(DownstreamStub.RECEIVED.get(requestId));
    }

    @Test
    void headersThatForgeIdentityAreStrippedAndTheTokenIsForwarded() {
        String token = user();
        Response response = given().header("Authorization", token)
                .header("X-User-Id", "00000000-0000-0000-0000-000000000001").header("X-User-Role", "ADMIN")
                .header("X-Internal-Secret", "test-internal-secret").header("Forwarded", "for=6.6.6.6")
                .header("X-Real-IP", "6.6.6.6").get("/api/tests");
        response.then().statusCode(200);
        JsonObject headers = seen(response).getJsonObject("headers");
        for (String forged : List.of("x-user-id", "x-user-role", "x-internal-secret", "forwarded", "x-real-ip")) {
            assertFalse(headers.containsKey(forged), forged + " must not reach the service: " + headers);
        }
        assertEquals(token, headers.getString("authorization"));
        assertEquals("127.0.0.1", headers.getString("x-forwarded-for"));
    }

    @Test
    void anApiTokenIsExchangedOnceAndForwardedAsAProjectToken() {
        int before = DownstreamStub.EXCHANGES.get();
        Response first = given().header("Authorization", "Bearer " + DownstreamStub.VALID_API_TOKEN).get("/api/runs");
        first.then().statusCode(200);
        Response second = given().header("Authorization", "Bearer " + DownstreamStub.VALID_API_TOKEN).get("/api/runs");
        second.then().statusCode(200);
        assertTrue(DownstreamStub.EXCHANGES.get() - before <= 1, "cached: at most one exchange for two requests");

        String forwarded = seen(first).getJsonObject("headers").getString("authorization");
        assertTrue(forwarded.startsWith("Bearer ey"), forwarded);
        assertNotEquals("Bearer " + DownstreamStub.VALID_API_TOKEN, forwarded);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(forwarded.substring(7).split("\\.")[1]));
        assertTrue(payload.contains("\"tt_project\":\"" + DownstreamStub.API_TOKEN_PROJECT + "\""), payload);

        given().header("Authorization", "Bearer " + DownstreamStub.REVOKED_API_TOKEN).get("/api/runs").then().statusCode(401);
    }

    @Test
    void aTokenOfAnEarlierSessionGenerationIsRefusedWithinTheRecheckEvenInItsOwnSecond() {
        UUID userId = UUID.randomUUID();
        String issued = "Bearer " + TestTokens.valid(userId, "r@example.com", "TESTER", 3);
        given().header("Authorization", issued).get("/api/tests").then().statusCode(200);
        // auth-service ends the user's sessions within the second the token was issued in
        redis.value(Long.class).set("tt:session-generation:" + userId, 4L);
        String next = "Bearer " + TestTokens.valid(userId, "r@example.com", "TESTER", 4);
        // The gateway rereads a user's generation at most every second (revocation-recheck).
        long revoked = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().header("Authorization", issued).get("/api/tests").then().statusCode(401)
                        .body("detail", containsString("session has ended")));
        assertTrue(Duration.ofNanos(System.nanoTime() - revoked).toMillis() < 1_500, "refused within the recheck period");
        given().header("Authorization", next).get("/api/tests").then().statusCode(200);
        String unmarked = "Bearer " + TestTokens.valid(userId, "r@example.com", "TESTER");
        given().header("Authorization", unmarked).get("/api/tests").then().statusCode(401);
    }

    /** Waits for a fresh minute when the current one ends within 15 s: counts start again with each window. */
    private static void awaitRoomInTheRateWindow() {
        long window = 60;
        if (window - Instant.now().getEpochSecond() % window < 15) {
            await().atMost(Duration.ofSeconds(16)).until(() -> window - Instant.now().getEpochSecond() % window >= 45);
        }
    }

    @Test
    void requestsCountedByAnotherGatewayInRedisCountAgainstTheLimit() {
        long window = 60;
        awaitRoomInTheRateWindow();
        UUID userId = UUID.randomUUID();
        String token = "Bearer " + TestTokens.valid(userId, "shared@example.com", "TESTER");
        long index = Instant.now().getEpochSecond() / window;
        // another gateway has let 45 of this user's 50 requests through in this window
        redis.value(Long.class).incrby("tt:gw:rl:api:p:" + userId + ":" + index, 45);
        given().header("Authorization", token).get("/api/tests").then().statusCode(200);
        // the second sync starts after this request was counted, so it has learnt the shared total
        counters.sync().await().indefinitely();
        counters.sync().await().indefinitely();
        int passed = 1;
        int status = 200;
        while (status == 200 && passed < 100) {
            status = given().header("Authorization", token).get("/api/tests").then().extract().statusCode();
            passed += status == 200 ? 1 : 0;
        }
        assertEquals(429, status, "the shared total reached the limit");
        assertEquals(5, passed, "45 counted elsewhere + 5 here = the limit of 50");
    }

    @Test
    void aCallerOverItsRateLimitGets429WithRetryAfter() {
        awaitRoomInTheRateWindow();
        String token = user();
        for (int i = 0; i < 50; i++) {
            given().header("Authorization", token).get("/api/tests").then().statusCode(200);
        }
        given().header("Authorization", token).get("/api/tests").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        given().header("Authorization", user()).get("/api/tests").then().statusCode(200);
    }

    @Test
    void theAuthRoutesHaveAStricterLimitPerAddress() {
        awaitRoomInTheRateWindow();
        String address = "10.77." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 60; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}").post("/api/auth/login")
                    .then().statusCode(200);
        }
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}").post("/api/auth/login")
                .then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void bodiesOverTheRouteLimitAre413AndImportsMayBeLarge() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) 'a');
        given().header("Authorization", user()).contentType(ContentType.JSON).body(twoMegabytes).post("/api/tests")
                .then().statusCode(413).contentType("application/problem+json");
        Response imported = given().header("Authorization", user()).contentType("application/xml").body(twoMegabytes)
                .post("/api/imports/junit");
        imported.then().statusCode(200).body("bodyBytes", is(twoMegabytes.length));
        given().header("Authorization", user()).contentType("text/csv").body(twoMegabytes).post("/api/tests/import")
                .then().statusCode(200).body("bodyBytes", is(twoMegabytes.length));
    }

    @Test
    void everyResponseCarriesARequestIdAndTheSecurityHeaders() {
        Response proxied = given().header("Authorization", user()).header("X-Request-Id", "ci-build-1234").get("/api/tests");
        proxied.then().statusCode(200)
                .header("X-Request-Id", "ci-build-1234")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        assertEquals("ci-build-1234", seen(proxied).getJsonObject("headers").getString("x-request-id"));
        given().get("/api/tests").then().statusCode(401).header("X-Request-Id", notNullValue())
                .header("X-Content-Type-Options", "nosniff").body("requestId", notNullValue());
        given().header("X-Request-Id", "bad id with spaces").get("/api/tests").then()
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options("/api/tests").then().header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/tests").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void webSocketsAreProxiedWithoutATokenAndRefusedWithOneInTheUrl() throws Exception {
        URI ws = URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + "/ws/echo");
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                messages.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        // the socket authenticates with its first message at notification-service, not at the gateway
        assertEquals("hello anonymous /ws/echo", messages.poll(10, TimeUnit.SECONDS));
        socket.sendText("ping", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo: ping", messages.poll(10, TimeUnit.SECONDS));
        // quiet for longer than an API request may be (downstream-timeout is 1 s in tests): still open
        Thread.sleep(2_500);
        socket.sendText("still there?", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo: still there?", messages.poll(10, TimeUnit.SECONDS));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");

        URI tokenInUrl = URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + "/ws/echo?access_token="
                + TestTokens.valid(UUID.randomUUID(), "w@example.com", "TESTER"));
        CompletableFuture<WebSocket> refused = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(tokenInUrl, new WebSocket.Listener() { });
        try {
            refused.get(10, TimeUnit.SECONDS);
            throw new AssertionError("a WebSocket with a token in its URL must be refused");
        } catch (java.util.concurrent.ExecutionException expected) {
            assertTrue(expected.getCause() instanceof java.net.http.WebSocketHandshakeException, expected.toString());
            assertEquals(400, ((java.net.http.WebSocketHandshakeException) expected.getCause()).getResponse().statusCode());
        }
    }

    @Test
    void requestsTakeAServicesReplicasInTurn() {
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Response response = given().header("Authorization", user()).get("/api/notifications");
            response.then().statusCode(200);
            order.add(seen(response).getInteger("port"));
            ports.add(seen(response).getInteger("port"));
        }
        assertEquals(2, ports.size(), "both replicas answered: " + order);
        assertEquals(order.get(0), order.get(2));
        assertEquals(order.get(1), order.get(3));
    }

    @Test
    void readinessReflectsTheServicesBehind() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Downstream services"))
                .body("checks.find { it.name == 'Downstream services' }.data.auth", is("UP"));
        DownstreamStub.ready = false;
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Downstream services' }.data.testcase", is("DOWN"));
        } finally {
            DownstreamStub.ready = true;
        }
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsAndOpenApiAreOnlyOnTheManagementPort() {
        for (String path : List.of("/q/metrics", "/q/openapi")) {
            given().get(path).then().statusCode(404);
            given().header("Authorization", user()).get(path).then().statusCode(404);
        }
        given().get(management.resolve("/q/openapi")).then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theClientAddressIsTheFirstUntrustedHopFromTheRight() {
        // A client sent its own X-Forwarded-For; the trusted proxy in front (127.0.0.1) appended the real address.
        Response spoofed = given().header("Authorization", user()).header("X-Forwarded-For", "6.6.6.6, 10.9.8.7").get("/api/tests");
        spoofed.then().statusCode(200);
        assertEquals("10.9.8.7", seen(spoofed).getJsonObject("headers").getString("x-forwarded-for"));
        // Two trusted proxies in a row: the hop before them.
        Response chained = given().header("Authorization", user()).header("X-Forwarded-For", "6.6.6.6, 10.9.8.7, 127.0.0.1")
                .get("/api/tests");
        assertEquals("10.9.8.7", seen(chained).getJsonObject("headers").getString("x-forwarded-for"));
        // Choosing another leftmost value for every try does not escape the per-address limit.
        awaitRoomInTheRateWindow();
        String address = "10.79." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 60; i++) {
            given().header("X-Forwarded-For", "6.6." + i + ".6, " + address).contentType(ContentType.JSON).body("{}")
                    .post("/api/auth/login").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "7.7.7.7, " + address).contentType(ContentType.JSON).body("{}")
                .post("/api/auth/login").then().statusCode(429);
    }

    private String sendChunked(String path, String contentType, int bytes, String requestId) throws Exception {
        return ChunkedRequests.post(gateway.getHost(), gateway.getPort(), path,
                java.util.Map.of("Authorization", user(), "X-Request-Id", requestId, "Content-Type", contentType), "", bytes, "");
    }

    @Test
    void aChunkedBodyIsCountedAsItStreamsAgainstTheRouteLimit() throws Exception {
        String json = "chunked-json-" + UUID.randomUUID();
        String reply = sendChunked("/api/tests", "application/json", 3 * 1024 * 1024, json);
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
        assertTrue(reply.contains("application/problem+json"), reply);
        assertNull(DownstreamStub.RECEIVED.get(json), "the service never got the body");

        String small = "chunked-small-" + UUID.randomUUID();
        assertTrue(sendChunked("/api/tests", "application/json", 512 * 1024, small).startsWith("HTTP/1.1 200"));
        assertEquals(512 * 1024, DownstreamStub.RECEIVED.get(small).getInteger("bodyBytes"));

        // An import streams on to the service, counted: over the import limit (6 MB in tests) it is cut off.
        String bigImport = "chunked-import-" + UUID.randomUUID();
        String importReply = sendChunked("/api/imports/junit", "application/xml", 8 * 1024 * 1024, bigImport);
        assertFalse(importReply.startsWith("HTTP/1.1 200"), importReply);
        assertNull(DownstreamStub.RECEIVED.get(bigImport), "the service never got a whole body");
        String fineImport = "chunked-import-ok-" + UUID.randomUUID();
        assertTrue(sendChunked("/api/imports/junit", "application/xml", 4 * 1024 * 1024, fineImport).startsWith("HTTP/1.1 200"));
        assertEquals(4 * 1024 * 1024, DownstreamStub.RECEIVED.get(fineImport).getInteger("bodyBytes"));
    }

    @Test
    void requestMetricsAreKeptPerRouteNotPerPath() {
        String id = UUID.randomUUID().toString();
        given().header("Authorization", user()).get("/api/tests/" + id).then().statusCode(200);
        String metrics = given().get(management.resolve("/q/metrics")).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/tests/*\""), "requests counted under their route");
        assertFalse(metrics.contains(id), "no series per id");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504Problem() {
        long started = System.nanoTime();
        given().header("Authorization", user()).get("/api/runs?delayMs=3000").then().statusCode(504)
                .contentType("application/problem+json").body("type", is("/problems/gateway-timeout"))
                .body("instance", is("/api/runs"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2_900, "cut off at the timeout (1 s in tests)");
    }

    @Test
    void anImportMayTakeLongerThanAnApiRequest() {
        given().header("Authorization", user()).contentType(ContentType.JSON).body("{}")
                .post("/api/imports?delayMs=2500").then().statusCode(200).body("path", is("/api/imports"));
    }
}
