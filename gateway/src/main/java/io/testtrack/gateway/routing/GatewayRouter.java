package io.testtrack.gateway.routing;

import io.quarkus.logging.Log;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.jwt.auth.principal.ParseException;
import io.testtrack.gateway.client.AuthTokenClient;
import io.testtrack.gateway.config.GatewayConfig;
import io.testtrack.gateway.security.Admission;
import io.testtrack.gateway.security.ApiTokenExchange;
import io.testtrack.gateway.security.ClientAddress;
import io.testtrack.gateway.security.VerifiedTokens;
import io.testtrack.gateway.web.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The front door: for every {@code /api} and {@code /ws} request, find the service, enforce the
 * body limit, authenticate (access JWT, or an API token exchanged at auth-service), check
 * revocation and rate limits (see {@link Admission}), strip headers a client could forge identity
 * with, and stream the request to the service and its answer back.
 */
@ApplicationScoped
public class GatewayRouter {

    /** Headers that only the gateway may set; whatever a client sends under these names is dropped. */
    private static final List<String> FORGEABLE = List.of("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-Port", "X-Forwarded-Prefix", "Forwarded", "X-Real-IP", "X-Internal-Secret", "X-User-Id",
            "X-User-Email", "X-User-Role", "X-Project-Id", "X-Auth-Request-User", "X-Remote-User");

    /** Where Quarkus' request metrics read a request's path template (as REST endpoints set it). */
    private static final String METRICS_PATH_TEMPLATE = "UrlPathTemplate";

    private final GatewayConfig config;
    private final VerifiedTokens verifiedTokens;
    private final ApiTokenExchange apiTokens;
    private final Admission admission;
    private final ClientAddress clientAddress;
    /** Each service's replicas, in the order configured. */
    private final Map<String, List<SocketAddress>> origins;
    private final Vertx vertx;
    /** One proxy per route: its service's address and its timeout. */
    private final Map<RouteTable.Route, HttpProxy> proxies = new HashMap<>();

    public GatewayRouter(GatewayConfig config, VerifiedTokens verifiedTokens, ApiTokenExchange apiTokens,
            Admission admission, ClientAddress clientAddress, Vertx vertx) {
        this.config = config;
        this.verifiedTokens = verifiedTokens;
        this.apiTokens = apiTokens;
        this.admission = admission;
        this.clientAddress = clientAddress;
        this.vertx = vertx;
        this.origins = config.services().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(uri -> SocketAddress.inetSocketAddress(port(uri), uri.getHost())).toList()));
    }

    void install(@Observes Router router) {
        // Pooled connections idle for a minute are closed; an upgraded WebSocket, quiet for as long
        // as nothing happens, never is.
        HttpClient pooled = client(60);
        HttpClient webSocketClient = client(0);
        GatewayConfig.Limits limits = config.limits();
        for (RouteTable.Route route : RouteTable.all()) {
            boolean webSocket = route.prefix().equals("/ws");
            Duration timeout = webSocket ? Duration.ZERO
                    : route.isImport() ? limits.importTimeout() : limits.downstreamTimeout();
            long bodyLimit = route.isImport() ? limits.importBody() : limits.jsonBody();
            proxies.put(route, proxy(webSocket ? webSocketClient : pooled, origins.get(route.service()), timeout, bodyLimit));
        }
        router.route("/api/*").order(10).handler(this::handle);
        router.route("/ws/*").order(10).handler(this::handle);
        router.route("/internal/*").order(10).handler(ctx -> notFound(ctx.request()));
    }

    private HttpClient client(int idleTimeoutSeconds) {
        return vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                .setIdleTimeout(idleTimeoutSeconds));
    }

    /**
     * A proxy to a service's replicas, taken in turn request by request (and WebSocket by
     * WebSocket), whose answer may be silent for at most {@code timeout} (zero: no limit); an
     * origin that does not answer in time is a 504, one that cannot be reached a 502.
     * Bodies are counted as they stream (chunked ones declare no length): over {@code bodyLimit}
     * bytes the request to the origin is reset and the client gets a 413.
     */
    private static HttpProxy proxy(HttpClient client, List<SocketAddress> replicas, Duration timeout, long bodyLimit) {
        AtomicInteger next = new AtomicInteger();
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(true), client)
                .originRequestProvider((request, c) -> c.request(new RequestOptions()
                        .setServer(replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size())))
                        .setIdleTimeout(timeout.toMillis())));
        // A token in the query goes on as the Authorization header only, so it never lands in a
        // service's access log. (WebSocket upgrades, which vertx-http-proxy 4.5 passes by the raw
        // URI past interceptors, are refused with a token in the URL before they get here.)
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                context.request().setURI(withoutAccessToken(context.request().getURI()));
                Body body = context.request().getBody();
                CountedBody counted = new CountedBody(body.stream(), bodyLimit);
                context.request().setBody(Body.body(counted, body.length()));
                return context.sendRequest().recover(failure -> Future.succeededFuture(counted.exceeded()
                        ? tooLarge(context, bodyLimit) : downstreamFailed(context, failure)));
            }
        });
        return proxy;
    }

    /** The 413 for a body that went over the limit while streaming; the connection closes after it. */
    private static ProxyResponse tooLarge(ProxyContext context, long limit) {
        HttpServerRequest request = context.request().proxiedRequest();
        request.response().endHandler(ended -> request.connection().close());
        String body = Problems.body(request, 413, "payload-too-large", "Payload too large",
                "The body is over the limit of " + limit + " bytes for this route.");
        return context.request().response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close").setBody(Body.body(Buffer.buffer(body)));
    }

    private static ProxyResponse downstreamFailed(ProxyContext context, Throwable failure) {
        boolean timedOut = failure instanceof TimeoutException;
        HttpServerRequest request = context.request().proxiedRequest();
        Log.warnf("gateway: %s %s failed downstream: %s", request.method(), request.path(), failure.toString());
        int status = timedOut ? 504 : 502;
        String body = Problems.body(request, status, timedOut ? "gateway-timeout" : "bad-gateway",
                timedOut ? "Gateway timeout" : "Bad gateway",
                timedOut ? "The service did not answer in time." : "The service could not be reached; try again shortly.");
        return context.request().response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .setBody(Body.body(Buffer.buffer(body)));
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        RouteTable.Route route = RouteTable.match(request.path()).orElse(null);
        if (route == null) {
            notFound(request);
            return;
        }
        if (VertxContext.isOnDuplicatedContext()) {
            // request metrics by route, not by path: ids in paths would make a series per case, run and user
            ContextLocals.put(METRICS_PATH_TEMPLATE, route.prefix() + "/*");
        }
        HttpProxy target = proxies.get(route);
        long limit = route.isImport() ? config.limits().importBody() : config.limits().jsonBody();
        String length = request.getHeader("Content-Length");
        if (length != null && parseLength(length) > limit) {
            Problems.send(request, 413, "payload-too-large", "Payload too large",
                    "The body is over the limit of " + limit + " bytes for this route.");
            request.connection().close();
            return;
        }
        String address = clientAddress.of(request);
        String authorization = request.getHeader("Authorization");
        FORGEABLE.forEach(request.headers()::remove);
        request.headers().remove("Authorization");
        request.headers().set("X-Forwarded-For", address);
        request.headers().set("X-Forwarded-Proto", request.scheme());

        // A webhook delivery goes on without a token (its signature is checked where it lands), under the ordinary address limit.
        if (RouteTable.isSignedWebhook(request.path())) {
            if (!overLimit(request, admission.count(null, address, "api"), "api", false)) {
                forward(target, request, null);
            }
            return;
        }
        if (route.prefix().equals("/ws")) {
            webSocket(target, request, address);
            return;
        }
        // Signing in, registering and resetting get the stricter per-address limit.
        if (RouteTable.isPublic(request.path())) {
            if (!overLimit(request, admission.count(null, address, "auth"), "auth", false)) {
                forward(target, request, null);
            }
            return;
        }
        String presented = bearer(authorization);
        if (presented == null) {
            unauthorized(request, "A valid access token is required.");
            return;
        }
        if (!presented.startsWith(ApiTokenExchange.PREFIX)) {
            JsonWebToken jwt;
            try {
                jwt = verifiedTokens.verify(presented);
            } catch (ParseException e) {
                unauthorized(request, "The access token is invalid or expired.");
                return;
            }
            admitAndForward(target, request, jwt, address);
            return;
        }
        apiTokens.accessTokenFor(presented).subscribe().with(
                token -> {
                    try {
                        admitAndForward(target, request, verifiedTokens.verify(token), address);
                    } catch (ParseException e) {
                        unavailable(request, e);
                    }
                },
                failure -> {
                    if (failure instanceof AuthTokenClient.RejectedToken) {
                        unauthorized(request, "The access token is invalid or expired.");
                    } else {
                        unavailable(request, failure);
                    }
                });
    }

    /**
     * A user's token issued in an earlier session generation than the user's current one ends
     * here; then the rate limits. Most requests find the generation remembered and go on at once,
     * without Redis.
     */
    private void admitAndForward(HttpProxy target, HttpServerRequest request, JsonWebToken jwt, String address) {
        if (jwt.getGroups().contains("API_TOKEN")) {
            // API tokens are revoked at auth-service, which the exchange asks (cached for 30 s)
            admitCounted(target, request, jwt, address);
            return;
        }
        CompletableFuture<Long> generation = admission.sessionGeneration(jwt.getSubject());
        if (generation.isDone() && !generation.isCompletedExceptionally()) {
            admitIfCurrent(target, request, jwt, address, generation.join());
            return;
        }
        generation.whenComplete((current, failure) -> {
            if (failure != null) {
                unavailable(request, failure);
            } else {
                admitIfCurrent(target, request, jwt, address, current);
            }
        });
    }

    private void admitIfCurrent(HttpProxy target, HttpServerRequest request, JsonWebToken jwt, String address,
            long currentGeneration) {
        if (Admission.revoked(jwt, currentGeneration)) {
            unauthorized(request, "The session has ended; sign in again.");
            return;
        }
        admitCounted(target, request, jwt, address);
    }

    private void admitCounted(HttpProxy target, HttpServerRequest request, JsonWebToken jwt, String address) {
        if (!overLimit(request, admission.count(jwt.getSubject(), address, "api"), "api", true)) {
            forward(target, request, jwt.getRawToken());
        }
    }

    private boolean overLimit(HttpServerRequest request, Admission.Verdict verdict, String scope, boolean authenticated) {
        boolean over = verdict.addressHits() > admission.addressLimit(scope)
                || (authenticated && verdict.principalHits() > admission.principalLimit());
        if (over) {
            request.response().putHeader("Retry-After", Long.toString(Math.max(1, verdict.secondsLeftInWindow())));
            Problems.send(request, 429, "too-many-requests", "Too many requests",
                    "The rate limit is reached; try again after the Retry-After seconds.");
        }
        return over;
    }

    private void forward(HttpProxy target, HttpServerRequest request, String accessToken) {
        if (accessToken != null) {
            request.headers().set("Authorization", "Bearer " + accessToken);
        }
        target.handle(request);
    }

    /**
     * A WebSocket authenticates with its first message at notification-service, never with a
     * token in the URL, where proxies and access logs keep it: an upgrade that carries one is
     * refused (400) and never forwarded. The upgrade itself counts against the address's limit.
     */
    private void webSocket(HttpProxy target, HttpServerRequest request, String address) {
        if (request.params().contains("access_token")) {
            Problems.send(request, 400, "token-in-url", "Token in URL",
                    "WebSockets authenticate with their first message ({\"type\":\"auth\",\"token\":…}), not with access_token.");
            return;
        }
        if (!overLimit(request, admission.count(null, address, "api"), "api", false)) {
            forward(target, request, null);
        }
    }

    private static String bearer(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static void notFound(HttpServerRequest request) {
        Problems.send(request, 404, "not-found", "Not found", "No such route: " + request.path());
    }

    private static void unauthorized(HttpServerRequest request, String detail) {
        request.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(request, 401, "unauthorized", "Unauthorized", detail);
    }

    private static void unavailable(HttpServerRequest request, Throwable failure) {
        Log.warnf("gateway could not serve %s %s: %s", request.method(), request.path(), failure.toString());
        Problems.send(request, 503, "unavailable", "Service unavailable",
                "A service the gateway needs did not answer; try again shortly.");
    }

    static String withoutAccessToken(String uri) {
        int query = uri.indexOf('?');
        if (query < 0 || !uri.contains("access_token=")) {
            return uri;
        }
        String kept = java.util.Arrays.stream(uri.substring(query + 1).split("&"))
                .filter(pair -> !pair.startsWith("access_token="))
                .collect(Collectors.joining("&"));
        return uri.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}
