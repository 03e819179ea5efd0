package io.testtrack.gateway.client;

import io.smallrye.mutiny.Uni;
import io.testtrack.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The gateway's one synchronous call: trading a CI's API token for an access token at
 * auth-service. Two seconds at most; after repeated failures the circuit opens and requests
 * with API tokens get 503 at once instead of piling up.
 */
@ApplicationScoped
public class AuthTokenClient {

    /** The token is unknown, revoked or expired (auth-service answered 401). */
    public static class RejectedToken extends RuntimeException {
        public RejectedToken() {
            super("API token rejected", null, false, false);
        }
    }

    private final AuthInternalApi api;
    private final String secret;

    public AuthTokenClient(@RestClient AuthInternalApi api, GatewayConfig config) {
        this.api = api;
        this.secret = config.internalSecret();
    }

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = RejectedToken.class)
    public Uni<AuthInternalApi.Exchanged> exchange(String apiToken) {
        return api.exchange(secret, new AuthInternalApi.ExchangeRequest(apiToken))
                .onFailure(WebApplicationException.class).transform(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    return status == 401 || status == 400 ? new RejectedToken() : failure;
                });
    }
}
