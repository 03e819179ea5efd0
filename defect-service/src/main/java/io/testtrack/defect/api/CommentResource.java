package io.testtrack.defect.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.api.DefectDtos.CommentBody;
import io.testtrack.defect.api.DefectDtos.CommentView;
import io.testtrack.defect.service.CommentService;
import io.testtrack.platform.security.Principal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Comments on a defect: markdown kept as text, @mentions, the author's edits and deletes within 15 minutes. */
@Path("/api/bugs/{id}/comments")
@Authenticated
public class CommentResource {

    private final CommentService comments;
    private final JsonWebToken jwt;

    public CommentResource(CommentService comments, JsonWebToken jwt) {
        this.comments = comments;
        this.jwt = jwt;
    }

    @GET
    public Uni<List<CommentView>> list(@PathParam("id") UUID id) {
        return comments.list(Principal.of(jwt), id).map(all -> all.stream().map(CommentView::of).toList());
    }

    @POST
    public Uni<Response> add(@PathParam("id") UUID id, @Valid @NotNull CommentBody body) {
        return comments.add(Principal.of(jwt), id, body.body())
                .map(c -> Response.created(URI.create("/api/bugs/" + id + "/comments/" + c.id)).entity(CommentView.of(c)).build());
    }

    @PATCH
    @Path("/{commentId}")
    public Uni<CommentView> edit(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId, @Valid @NotNull CommentBody body) {
        return comments.edit(Principal.of(jwt), id, commentId, body.body()).map(CommentView::of);
    }

    @DELETE
    @Path("/{commentId}")
    public Uni<Response> delete(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId) {
        return comments.delete(Principal.of(jwt), id, commentId).replaceWith(Response.noContent().build());
    }
}
