package io.testtrack.defect.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.api.DefectDtos.CommentBody;
import io.testtrack.defect.api.DefectDtos.CommentView;
import io.testtrack.defect.service.CommentService;
import io.testtrack.platform.security.Caller;
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

/** Comments on a defect: markdown kept as text, @mentions, the author's edits and deletes within 15 minutes. */
@Path("/api/bugs/{id}/comments")
@Authenticated
public class CommentResource {

    private final CommentService comments;
    private final Caller caller;

    public CommentResource(CommentService comments, Caller caller) {
        this.comments = comments;
        this.caller = caller;
    }

    @GET
    public Uni<List<CommentView>> list(@PathParam("id") UUID id) {
        return comments.list(caller.principal(), id).map(all -> all.stream().map(CommentView::of).toList());
    }

    @POST
    public Uni<Response> add(@PathParam("id") UUID id, @Valid @NotNull CommentBody body) {
        return comments.add(caller.principal(), id, body.body())
                .map(c -> Response.created(URI.create("/api/bugs/" + id + "/comments/" + c.id)).entity(CommentView.of(c)).build());
    }

    @PATCH
    @Path("/{commentId}")
    public Uni<CommentView> edit(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId, @Valid @NotNull CommentBody body) {
        return comments.edit(caller.principal(), id, commentId, body.body()).map(CommentView::of);
    }

    @DELETE
    @Path("/{commentId}")
    public Uni<Response> delete(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId) {
        return comments.delete(caller.principal(), id, commentId).replaceWith(Response.noContent().build());
    }
}
