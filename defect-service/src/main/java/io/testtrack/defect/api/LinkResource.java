package io.testtrack.defect.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.DefectLink;
import io.testtrack.defect.domain.LinkKind;
import io.testtrack.defect.service.LinkService;
import io.testtrack.platform.security.Caller;
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

/** Links between defects of one project: related, blocks. */
@Path("/api/bugs/{id}/links")
@Authenticated
public class LinkResource {

    public record NewLink(@NotNull UUID targetId, @NotNull LinkKind kind) {
    }

    private final LinkService links;
    private final Caller caller;

    public LinkResource(LinkService links, Caller caller) {
        this.links = links;
        this.caller = caller;
    }

    @GET
    public Uni<List<DefectLink>> list(@PathParam("id") UUID id) {
        return links.list(caller.principal(), id);
    }

    @POST
    public Uni<Response> link(@PathParam("id") UUID id, @Valid @NotNull NewLink body) {
        return links.link(caller.principal(), id, body.targetId(), body.kind()).replaceWith(Response.status(201).build());
    }

    @DELETE
    public Uni<Response> unlink(@PathParam("id") UUID id, @QueryParam("targetId") @NotNull UUID targetId,
            @QueryParam("kind") @NotNull LinkKind kind) {
        return links.unlink(caller.principal(), id, targetId, kind).replaceWith(Response.noContent().build());
    }
}
