package io.testtrack.auth.api;

import io.testtrack.auth.service.Caller;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Caller} of a request from its address, agent and token. */
final class RequestContext {

    private RequestContext() {
    }

    static Caller anonymous(HttpServerRequest request) {
        return Caller.anonymous(ip(request), request.getHeader("User-Agent"));
    }

    static Caller of(HttpServerRequest request, JsonWebToken jwt) {
        return anonymous(request).as(userId(jwt), jwt.getName());
    }

    static UUID userId(JsonWebToken jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    /** The client address; behind the gateway Quarkus resolves X-Forwarded-For from trusted proxies only. */
    private static String ip(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
