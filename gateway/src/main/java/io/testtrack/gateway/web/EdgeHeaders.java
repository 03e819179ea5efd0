package io.testtrack.gateway.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * On every request: a request id (kept from the client when sane), forwarded downstream and
 * echoed; on every response, the browser security headers.
 */
@ApplicationScoped
public class EdgeHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
            ctx.request().headers().set(RequestIds.HEADER, requestId);
            ctx.addHeadersEndHandler(ignored -> {
                MultiMap headers = ctx.response().headers();
                headers.set(RequestIds.HEADER, requestId);
                headers.set("Content-Security-Policy", CSP);
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Frame-Options", "DENY");
            });
            ctx.next();
        });
    }
}
