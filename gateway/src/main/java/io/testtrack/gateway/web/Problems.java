package io.testtrack.gateway.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem+json answers written by the gateway itself, in the platform's shape. */
public final class Problems {

    private Problems() {
    }

    public static void send(HttpServerRequest request, int status, String kind, String title, String detail) {
        if (request.response().ended() || request.response().headWritten()) {
            return;
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(body(request, status, kind, title, detail));
    }

    /** The problem+json body of an answer to {@code request}. */
    public static String body(HttpServerRequest request, int status, String kind, String title, String detail) {
        return new JsonObject()
                .put("type", "/problems/" + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", request.path())
                .put("requestId", request.getHeader(RequestIds.HEADER))
                .encode();
    }
}
