package io.testtrack.auth.api;

import io.testtrack.auth.service.Caller;
import io.testtrack.platform.security.Principal;
import io.vertx.core.http.HttpServerRequest;

/** The audit identity of an authenticated request: the user, or the API token acting for a project. */
final class CallerFactory {

    private CallerFactory() {
    }

    static Caller of(HttpServerRequest request, Principal principal) {
        Caller anonymous = RequestContext.anonymous(request);
        if (principal instanceof Principal.User user) {
            return anonymous.as(user.userId(), user.email());
        }
        Principal.ApiToken token = (Principal.ApiToken) principal;
        return anonymous.as(null, "api-token:" + token.tokenId());
    }
}
