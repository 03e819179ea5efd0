package io.testtrack.defect.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.DefectLink;
import io.testtrack.defect.domain.LinkKind;
import io.testtrack.defect.service.LinkService;
import io.testtrack.platform.security.Principal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Links between defects of one project: related, blocks. */
@Path("/api/bugs/{id}/links")
@Authenticated
public class LinkResource {

    public record NewLink(@NotNull UUID targetId, @NotNull LinkKind kind) {
    }

    private final LinkService links;
    private final JsonWebToken jwt;

    public LinkResource(LinkService links, JsonWebToken jwt) {
        this.links = links;
        this.jwt = jwt;
    }

    @GET
    public Uni<List<DefectLink>> list(@PathParam("id") UUID id) {
        return links.list(Principal.of(jwt), id);
    }

    @POST
    public Uni<Response> link(@PathParam("id") UUID id, @Valid @NotNull NewLink body) {
        return links.link(Principal.of(jwt), id, body.targetId(), body.kind()).replaceWith(Response.status(201).build());
    }

    @DELETE
    public Uni<Response> unlink(@PathParam("id") UUID id, @QueryParam("targetId") @NotNull UUID targetId,
            @QueryParam("kind") @NotNull LinkKind kind) {
        return links.unlink(Principal.of(jwt), id, targetId, kind).replaceWith(Response.noContent().build());
    }
}
