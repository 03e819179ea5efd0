package io.testtrack.platform.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * JSON bodies stay small even where a service takes big uploads and raises the HTTP limit: over
 * {@code testtrack.limits.json-body} is a 413 problem. A declared length is checked before any of
 * the body is read; a body without one (chunked) is read here, counted as it arrives, and refused
 * as soon as it passes the limit, so at most the limit is ever held. What was read is handed on as
 * the entity, so the resource reads it as usual.
 */
public class JsonBodyLimit {

    private final long limit;

    public JsonBodyLimit(@ConfigProperty(name = "testtrack.limits.json-body", defaultValue = "1M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> check(ContainerRequestContext request, HttpServerRequest http) {
        MediaType type = request.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return Uni.createFrom().voidItem();
        }
        String declared = request.getHeaderString("Content-Length");
        if (declared != null) {
            if (over(declared)) {
                throw tooLarge();
            }
            return Uni.createFrom().voidItem();
        }
        String encoding = request.getHeaderString("Transfer-Encoding");
        if (encoding == null || !encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return Uni.createFrom().voidItem();
        }
        return counted(http).invoke(body -> request.setEntityStream(new ByteArrayInputStream(body))).replaceWithVoid();
    }

    /** Reads the body, failing with a 413 (and closing the connection after it) once it passes the limit. */
    private Uni<byte[]> counted(HttpServerRequest http) {
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            AtomicBoolean refused = new AtomicBoolean();
            http.handler(chunk -> {
                if (refused.get()) {
                    return;
                }
                if (body.length() + chunk.length() > limit) {
                    refused.set(true);
                    http.pause();
                    http.response().endHandler(ended -> http.connection().close());
                    emitter.fail(tooLarge());
                    return;
                }
                body.appendBuffer(chunk);
            });
            http.exceptionHandler(failure -> {
                if (refused.compareAndSet(false, true)) {
                    emitter.fail(failure);
                }
            });
            http.endHandler(end -> {
                if (!refused.get()) {
                    emitter.complete(body.getBytes());
                }
            });
            http.resume();
        });
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("The JSON body is over the limit of " + limit + " bytes.");
    }

    private boolean over(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
