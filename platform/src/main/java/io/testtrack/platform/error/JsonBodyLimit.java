package io.testtrack.platform.error;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * JSON bodies stay small even where a service takes big uploads and raises the HTTP limit: a
 * declared length over {@code testtrack.limits.json-body} is a 413 problem before any of it is read.
 */
public class JsonBodyLimit {

    private final long limit;

    public JsonBodyLimit(@ConfigProperty(name = "testtrack.limits.json-body", defaultValue = "1M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return;
        }
        String declared = request.getHeaderString("Content-Length");
        if (declared != null && over(declared)) {
            throw new PayloadTooLargeException("The JSON body is over the limit of " + limit + " bytes.");
        }
    }

    private boolean over(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
