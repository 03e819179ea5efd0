package io.testtrack.gateway.web;

import io.testtrack.common.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * On every request: a request id (kept from the client when sane), forwarded downstream and
 * echoed; on every response, the browser security headers.
 */
@ApplicationScoped
public class EdgeHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Names and values encoded once, not on every response. */
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final List<Map.Entry<CharSequence, CharSequence>> SECURITY = List.of(
            header("Content-Security-Policy", CSP),
            header("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            header("X-Content-Type-Options", "nosniff"),
            header("Referrer-Policy", "no-referrer"),
            header("X-Frame-Options", "DENY"));

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(REQUEST_ID));
            ctx.request().headers().set(REQUEST_ID, requestId);
            ctx.addHeadersEndHandler(ignored -> {
                MultiMap headers = ctx.response().headers();
                headers.set(REQUEST_ID, requestId);
                SECURITY.forEach(header -> headers.set(header.getKey(), header.getValue()));
            });
            ctx.next();
        });
    }

    private static Map.Entry<CharSequence, CharSequence> header(String name, String value) {
        return Map.entry(HttpHeaders.createOptimized(name), HttpHeaders.createOptimized(value));
    }
}
