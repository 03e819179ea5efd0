package io.testtrack.gateway.web;

import io.testtrack.common.Problem;
import io.testtrack.common.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;

/** RFC 9457 problem+json answers written by the gateway itself, in the platform's {@link Problem} shape. */
public final class Problems {

    private Problems() {
    }

    public static void send(HttpServerRequest request, int status, String kind, String title, String detail) {
        if (request.response().ended() || request.response().headWritten()) {
            return;
        }
        request.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(request, status, kind, title, detail));
    }

    /** The problem+json body of an answer to {@code request}. */
    public static String body(HttpServerRequest request, int status, String kind, String title, String detail) {
        return Json.encode(new Problem("/problems/" + kind, title, status, detail, request.path(),
                request.getHeader(RequestIds.HEADER), null, null));
    }
}
