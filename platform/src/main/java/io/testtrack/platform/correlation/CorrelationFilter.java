package io.testtrack.platform.correlation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Reads or creates {@code X-Request-Id} at the edge, logs with it, and sends it back. */
public class CorrelationFilter {

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = CorrelationId.acceptOrCreate(request.getHeaderString(CorrelationId.HEADER));
        request.setProperty(CorrelationId.MDC_KEY, id);
        MDC.put(CorrelationId.MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(CorrelationId.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, id);
        }
    }
}
