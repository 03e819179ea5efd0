package io.testtrack.auth.api;

import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.Secrets;
import io.testtrack.auth.service.ApiTokenService;
import io.testtrack.platform.error.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import io.testtrack.platform.config.PlatformConfig;

/**
 * Calls from the gateway only: it presents the shared internal secret, and the gateway never
 * routes {@code /internal} from outside. Anyone else gets 404, as if the route did not exist.
 */
@Path("/internal")
public class InternalResource {

    public static final String SECRET_HEADER = "X-Internal-Secret";

    private final ApiTokenService tokens;
    private final String secret;

    public InternalResource(ApiTokenService tokens, PlatformConfig config) {
        this.tokens = tokens;
        this.secret = config.internalSecret()
                .orElseThrow(() -> new IllegalStateException("TESTTRACK_INTERNAL_SECRET must be set for auth-service"));
    }

    public record ExchangeRequest(@NotBlank @Size(max = 200) String token) {
    }

    @POST
    @Path("/api-tokens/exchange")
    public Uni<ApiTokenService.Exchanged> exchange(@HeaderParam(SECRET_HEADER) String presented,
            @Valid @NotNull ExchangeRequest body) {
        if (!Secrets.same(secret, presented)) {
            throw new ResourceNotFoundException("No such route.");
        }
        return tokens.exchange(body.token());
    }
}
