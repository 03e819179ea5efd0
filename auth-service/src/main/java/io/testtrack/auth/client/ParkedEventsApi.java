package io.testtrack.auth.client;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.inbox.ParkedEvents;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Another service's parked events ({@code ParkedEventsResource}), asked with the administrator's own token. */
@Path("/internal/parked-events")
public interface ParkedEventsApi {

    @GET
    Uni<ParkedEvents.Page> list(@HeaderParam("Authorization") String authorization, @QueryParam("consumer") String consumer,
            @QueryParam("type") String type, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Uni<ParkedEvents.Parked> get(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);

    @POST
    @Path("/{id}/replay")
    Uni<ParkedEvents.Replayed> replay(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);

    @DELETE
    @Path("/{id}")
    Uni<Void> discard(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);
}
