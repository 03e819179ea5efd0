package io.testtrack.gateway.routing;

import io.quarkus.logging.Log;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
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
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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

    private static final String INVALID_TOKEN = "The access token is invalid or expired.";

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
            boolean webSocket = isWebSocket(route);
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

    /** Checks that need no caller first, then authenticate → admit → forward, or the refusal. */
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
        long limit = route.isImport() ? config.limits().importBody() : config.limits().jsonBody();
        String length = request.getHeader("Content-Length");
        if (length != null && parseLength(length) > limit) {
            Problems.send(request, 413, "payload-too-large", "Payload too large",
                    "The body is over the limit of " + limit + " bytes for this route.");
            request.connection().close();
            return;
        }
        if (isWebSocket(route) && request.params().contains("access_token")) {
            // A WebSocket authenticates with its first message at notification-service, never with a
            // token in the URL, where proxies and access logs keep it.
            Problems.send(request, 400, "token-in-url", "Token in URL",
                    "WebSockets authenticate with their first message ({\"type\":\"auth\",\"token\":…}), not with access_token.");
            return;
        }
        String address = clientAddress.of(request);
        String authorization = request.getHeader("Authorization");
        FORGEABLE.forEach(request.headers()::remove);
        request.headers().remove("Authorization");
        request.headers().set("X-Forwarded-For", address);
        request.headers().set("X-Forwarded-Proto", request.scheme());

        authenticate(request.path(), route, authorization)
                .chain(caller -> admit(caller, address))
                .subscribe().with(caller -> forward(proxies.get(route), request, caller), failure -> refuse(request, failure));
    }

    /** Who a request comes from: nobody (on a route that needs no token) or the verified access token. */
    private record Caller(JsonWebToken jwt, String scope) {

        static Caller anonymous(String scope) {
            return new Caller(null, scope);
        }

        static Caller of(JsonWebToken jwt) {
            return new Caller(jwt, "api");
        }

        boolean authenticated() {
            return jwt != null;
        }
    }

    /**
     * A webhook delivery (its signature is checked where it lands) and a WebSocket upgrade (it
     * authenticates with its first message) need no token; signing in, registering and resetting
     * neither, under the stricter "auth" limit. Anything else needs an access JWT or an API token,
     * which auth-service exchanges for one.
     */
    private Uni<Caller> authenticate(String path, RouteTable.Route route, String authorization) {
        if (RouteTable.isSignedWebhook(path) || isWebSocket(route)) {
            return Uni.createFrom().item(Caller.anonymous("api"));
        }
        if (RouteTable.isPublic(path)) {
            return Uni.createFrom().item(Caller.anonymous("auth"));
        }
        String presented = bearer(authorization);
        if (presented == null) {
            return Uni.createFrom().failure(Refusal.unauthorized("A valid access token is required."));
        }
        if (!presented.startsWith(ApiTokenExchange.PREFIX)) {
            return Uni.createFrom().item(() -> Caller.of(verify(presented, () -> Refusal.unauthorized(INVALID_TOKEN))));
        }
        return apiTokens.accessTokenFor(presented)
                .onFailure(AuthTokenClient.RejectedToken.class).transform(rejected -> Refusal.unauthorized(INVALID_TOKEN))
                // a token auth-service has just issued that does not verify is the platform's fault: 503
                .map(token -> Caller.of(verify(token, () -> new IllegalStateException("an exchanged token did not verify"))));
    }

    private JsonWebToken verify(String token, Supplier<RuntimeException> otherwise) {
        try {
            return verifiedTokens.verify(token);
        } catch (ParseException e) {
            throw otherwise.get();
        }
    }

    /**
     * A user's token issued in an earlier session generation than the user's current one ends
     * here; then the request counts against the caller's and the address's rate windows. Most
     * requests find the generation remembered and go on at once, without Redis. API tokens are
     * revoked at auth-service, which the exchange asks (cached for 30 s).
     */
    private Uni<Caller> admit(Caller caller, String address) {
        Uni<Caller> current = !caller.authenticated() || caller.jwt().getGroups().contains("API_TOKEN")
                ? Uni.createFrom().item(caller)
                : Uni.createFrom().completionStage(admission.sessionGeneration(caller.jwt().getSubject())).map(generation -> {
                    if (Admission.revoked(caller.jwt(), generation)) {
                        throw Refusal.unauthorized("The session has ended; sign in again.");
                    }
                    return caller;
                });
        return current.map(admitted -> withinLimits(admitted, address));
    }

    private Caller withinLimits(Caller caller, String address) {
        Admission.Verdict verdict = admission.count(caller.authenticated() ? caller.jwt().getSubject() : null, address,
                caller.scope());
        if (verdict.addressHits() > admission.addressLimit(caller.scope())
                || (caller.authenticated() && verdict.principalHits() > admission.principalLimit())) {
            throw Refusal.tooManyRequests(Math.max(1, verdict.secondsLeftInWindow()));
        }
        return caller;
    }

    private static void forward(HttpProxy target, HttpServerRequest request, Caller caller) {
        if (caller.authenticated()) {
            request.headers().set("Authorization", "Bearer " + caller.jwt().getRawToken());
        }
        target.handle(request);
    }

    private static void refuse(HttpServerRequest request, Throwable failure) {
        if (failure instanceof Refusal refusal) {
            refusal.send(request);
        } else {
            unavailable(request, failure);
        }
    }

    private static boolean isWebSocket(RouteTable.Route route) {
        return route.prefix().equals("/ws");
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
