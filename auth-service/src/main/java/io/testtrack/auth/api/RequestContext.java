package io.testtrack.auth.api;

import io.testtrack.auth.service.Caller;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.security.Principal;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Caller} of a request (for audit, throttling and sessions) from its address, agent and token. */
final class RequestContext {

    private RequestContext() {
    }

    static Caller anonymous(HttpServerRequest request) {
        return Caller.anonymous(ip(request), request.getHeader("User-Agent"));
    }

    /** The user, or the API token acting for a project. */
    static Caller of(HttpServerRequest request, Principal principal) {
        Caller anonymous = anonymous(request);
        if (principal instanceof Principal.User user) {
            return anonymous.as(user.userId(), user.email());
        }
        return anonymous.as(null, "api-token:" + ((Principal.ApiToken) principal).tokenId());
    }

    static Caller of(HttpServerRequest request, JsonWebToken jwt) {
        return of(request, Principal.of(jwt));
    }

    /** The signed-in user's id; an API token is no user and gets 403 on personal routes. */
    static UUID userId(JsonWebToken jwt) {
        if (Principal.of(jwt) instanceof Principal.User user) {
            return user.userId();
        }
        throw new AccessDeniedException("API tokens have no account; this route is for signed-in users.");
    }

    /** The client address; behind the gateway Quarkus resolves X-Forwarded-For from trusted proxies only. */
    private static String ip(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
