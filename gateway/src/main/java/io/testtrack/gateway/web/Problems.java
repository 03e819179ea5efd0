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
        JsonObject body = new JsonObject()
                .put("type", "/problems/" + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", request.path())
                .put("requestId", request.getHeader(RequestIds.HEADER));
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }
}
