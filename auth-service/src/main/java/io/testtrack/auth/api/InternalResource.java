package io.testtrack.auth.api;

import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.ExchangedToken;
import io.testtrack.auth.domain.Secrets;
import io.testtrack.auth.service.ApiTokenService;
import io.testtrack.auth.service.ProjectService;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.MembershipLookup;
import io.testtrack.platform.security.ProjectedProjects;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;

/**
 * Calls from the gateway and the other services only: they present the shared internal secret,
 * and the gateway never routes {@code /internal} from outside. Anyone else gets 404, as if the
 * route did not exist.
 */
@Path("/internal")
public class InternalResource {

    public static final String SECRET_HEADER = "X-Internal-Secret";

    private final ApiTokenService tokens;
    private final MembershipLookup memberships;
    private final ProjectService projects;
    private final String secret;

    public InternalResource(ApiTokenService tokens, MembershipLookup memberships, ProjectService projects,
            PlatformConfig config) {
        this.tokens = tokens;
        this.memberships = memberships;
        this.projects = projects;
        this.secret = config.internalSecret()
                .orElseThrow(() -> new IllegalStateException("TESTTRACK_INTERNAL_SECRET must be set for auth-service"));
    }

    public record ExchangeRequest(@NotBlank @Size(max = 200) String token) {
    }

    @POST
    @Path("/api-tokens/exchange")
    public Uni<ExchangedToken> exchange(@HeaderParam(SECRET_HEADER) String presented,
            @Valid @NotNull ExchangeRequest body) {
        if (!Secrets.same(secret, presented)) {
            throw new ResourceNotFoundException("No such route.");
        }
        return tokens.exchange(body.token());
    }

    /** A project's key and state, for a service whose projection has not heard of it yet; 404 when there is none. */
    @GET
    @Path("/projects/{id}")
    public Uni<ProjectedProjects.Project> project(@HeaderParam(SECRET_HEADER) String presented, @PathParam("id") UUID projectId) {
        if (!Secrets.same(secret, presented)) {
            throw new ResourceNotFoundException("No such route.");
        }
        return projects.projected(projectId);
    }

    /**
     * A user's standing in a project as this service's tables have it now: what another service
     * asks when its projection of the access events does not know the project or the member yet
     * (a project created a moment ago). Without {@code userId}, whether the project exists.
     */
    @GET
    @Path("/standing")
    public Uni<MembershipLookup.Standing> standing(@HeaderParam(SECRET_HEADER) String presented,
            @QueryParam("projectId") UUID projectId, @QueryParam("userId") UUID userId) {
        if (!Secrets.same(secret, presented) || projectId == null) {
            throw new ResourceNotFoundException("No such route.");
        }
        if (userId == null) {
            return memberships.projectExists(projectId).map(exists -> new MembershipLookup.Standing(true, exists, null));
        }
        return memberships.standing(projectId, userId);
    }
}
