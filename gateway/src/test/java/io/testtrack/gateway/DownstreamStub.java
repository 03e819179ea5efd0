package io.testtrack.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.testtrack.platform.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for every service behind the gateway: it echoes what reached
 * it (method, path, headers, how many body bytes), answers auth-service's internal API-token
 * exchange, its readiness, and echoes WebSocket messages.
 */
public class DownstreamStub implements QuarkusTestResourceLifecycleManager {

    public static final String VALID_API_TOKEN = "tt_valid_test_token_0123456789";
    public static final String REVOKED_API_TOKEN = "tt_revoked_test_token_0123456789";
    public static final UUID API_TOKEN_PROJECT = UUID.fromString("00000000-0000-4000-8000-0000000000aa");

    /** What reached the stub, by X-Request-Id. */
    public static final Map<String, JsonObject> RECEIVED = new ConcurrentHashMap<>();
    public static final AtomicInteger EXCHANGES = new AtomicInteger();
    public static volatile boolean ready = true;

    private Vertx vertx;
    private HttpServer server;
    /** A second notification-service: the gateway takes the two in turn. */
    private HttpServer replica;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = serve();
        replica = serve();
        String base = "http://127.0.0.1:" + server.actualPort();
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] { "auth", "testcase", "execution", "defect", "analytics", "notification" }) {
            config.put("gateway.services." + service, base);
        }
        config.put("gateway.services.notification", base + ",http://127.0.0.1:" + replica.actualPort());
        config.put("quarkus.rest-client.auth-internal.url", base);
        return config;
    }

    private HttpServer serve() {
        return vertx.createHttpServer().webSocketHandler(this::echo).requestHandler(request -> {
            if (request.path().equals("/q/health/ready")) {
                request.response().setStatusCode(ready ? 200 : 503).end("{\"status\":\"" + (ready ? "UP" : "DOWN") + "\"}");
                return;
            }
            if (request.path().equals("/internal/api-tokens/exchange")) {
                request.body().onSuccess(body -> exchange(request, body.toJsonObject()));
                return;
            }
            request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                JsonObject seen = new JsonObject().put("method", request.method().name()).put("path", request.path())
                        .put("query", request.query()).put("headers", headers).put("bodyBytes", body.length())
                        .put("port", request.localAddress().port());
                String requestId = request.getHeader("X-Request-Id");
                if (requestId != null) {
                    RECEIVED.put(requestId, seen);
                }
                String delay = request.getParam("delayMs");
                if (delay == null) {
                    request.response().putHeader("Content-Type", "application/json").end(seen.encode());
                } else {
                    // a service slow to answer
                    vertx.setTimer(Long.parseLong(delay),
                            id -> request.response().putHeader("Content-Type", "application/json").end(seen.encode()));
                }
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    private void exchange(io.vertx.core.http.HttpServerRequest request, JsonObject body) {
        EXCHANGES.incrementAndGet();
        if (!"test-internal-secret".equals(request.getHeader("X-Internal-Secret"))) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (!VALID_API_TOKEN.equals(body.getString("token"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":401}");
            return;
        }
        JsonObject answer = new JsonObject()
                .put("accessToken", TestTokens.apiToken(UUID.randomUUID(), API_TOKEN_PROJECT, "TESTER"))
                .put("expiresIn", 120).put("projectId", API_TOKEN_PROJECT.toString()).put("role", "TESTER");
        request.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }

    private void echo(ServerWebSocket socket) {
        String authorization = socket.headers().get("Authorization");
        socket.writeTextMessage("hello " + (authorization == null ? "anonymous" : "authorized") + " " + socket.path());
        socket.textMessageHandler(message -> socket.writeTextMessage("echo: " + message));
    }

    @Override
    public void stop() {
        for (HttpServer running : new HttpServer[] { server, replica }) {
            if (running != null) {
                running.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
            }
        }
        if (vertx != null) {
            vertx.close();
        }
    }
}
