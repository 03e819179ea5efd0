package io.testtrack.gateway.routing;

import io.testtrack.gateway.web.Problems;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * An answer the gateway gives itself instead of forwarding: the failure of a request's
 * authenticate → admit chain, sent once at its end. Carries no stack trace; it is an answer, not
 * a fault.
 */
final class Refusal extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final Map<String, String> headers;

    private Refusal(int status, String kind, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.headers = headers;
    }

    static Refusal unauthorized(String detail) {
        return new Refusal(401, "unauthorized", "Unauthorized", detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    static Refusal tooManyRequests(long retryAfterSeconds) {
        return new Refusal(429, "too-many-requests", "Too many requests",
                "The rate limit is reached; try again after the Retry-After seconds.",
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    void send(HttpServerRequest request) {
        headers.forEach(request.response()::putHeader);
        Problems.send(request, status, kind, title, getMessage());
    }
}
