package io.testtrack.platform.security;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's answer to "who is this user in this project, now": its tables, not a projection. */
@RegisterRestClient(configKey = "auth-standing")
@Path("/internal")
public interface AuthStandingClient {

    @GET
    @Path("/projects/{id}")
    Uni<ProjectedProjects.Project> project(@HeaderParam("X-Internal-Secret") String secret, @PathParam("id") UUID projectId);

    @GET
    @Path("/standing")
    Uni<MembershipLookup.Standing> standing(@HeaderParam("X-Internal-Secret") String secret,
            @QueryParam("projectId") UUID projectId, @QueryParam("userId") UUID userId);
}
