package io.testtrack.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's internal API, which only the gateway calls. */
@RegisterRestClient(configKey = "auth-internal")
@Path("/internal/api-tokens")
public interface AuthInternalApi {

    record ExchangeRequest(String token) {
    }

    record Exchanged(String accessToken, long expiresIn, UUID projectId, String role) {
    }

    @POST
    @Path("/exchange")
    Uni<Exchanged> exchange(@HeaderParam("X-Internal-Secret") String secret, ExchangeRequest body);
}
