package io.testtrack.auth.api;

import io.testtrack.auth.service.Caller;
import io.testtrack.platform.security.Principal;
import io.vertx.core.http.HttpServerRequest;

/** Builds the {@link Caller} of a request (for audit, throttling and sessions) from its address, agent and principal. */
final class RequestContext {

    /** Why an API token gets 403 on a personal route: it is no user. */
    static final String USERS_ONLY = "API tokens have no account; this route is for signed-in users.";

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

    /** The client address; behind the gateway Quarkus resolves X-Forwarded-For from trusted proxies only. */
    private static String ip(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
