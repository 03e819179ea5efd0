package io.testtrack.auth.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.ParkedListing;
import io.testtrack.auth.service.ParkedEventsGathering;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.inbox.ParkedEvents;
import io.testtrack.platform.inbox.ParkedEventsResource;
import io.testtrack.platform.security.Administrators;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * The events every service's consumers parked, in one place for the global ADMIN: the list
 * gathers each service's (newest first; {@code until} of the next page is {@code nextCursor}),
 * and one event is shown, replayed or discarded in the service that parked it. A service that
 * does not answer is named in {@code unreachable} rather than failing the list.
 */
@Path("/api/admin/parked-events")
@Authenticated
public class ParkedEventsAdminResource {

    private final ParkedEventsGathering gathered;
    private final Administrators administrators;
    private final Caller caller;

    public ParkedEventsAdminResource(ParkedEventsGathering gathered, Administrators administrators, Caller caller) {
        this.gathered = gathered;
        this.administrators = administrators;
        this.caller = caller;
    }

    @GET
    public Uni<ParkedListing> list(@HeaderParam("Authorization") String authorization, @QueryParam("service") String service,
            @QueryParam("consumer") String consumer, @QueryParam("type") String type, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit must be between 1 and 200.");
        }
        Instant from = ParkedEventsResource.instant("since", since);
        Instant to = ParkedEventsResource.instant("until", until);
        return admin().chain(admin -> gathered.list(service, authorization, new ParkedEvents.Filter(consumer, type, from, to),
                        since, until, limit));
    }

    @GET
    @Path("/{service}/{id}")
    public Uni<ParkedEvents.Parked> get(@HeaderParam("Authorization") String authorization, @PathParam("service") String service,
            @PathParam("id") long id) {
        return admin().chain(admin -> gathered.get(service, authorization, id));
    }

    @POST
    @Path("/{service}/{id}/replay")
    public Uni<Response> replay(@HeaderParam("Authorization") String authorization, @PathParam("service") String service,
            @PathParam("id") long id) {
        return admin().chain(admin -> gathered.replay(service, authorization, id, admin))
                .map(replayed -> Response.accepted(replayed).build());
    }

    @DELETE
    @Path("/{service}/{id}")
    public Uni<Response> discard(@HeaderParam("Authorization") String authorization, @PathParam("service") String service,
            @PathParam("id") long id) {
        return admin().chain(admin -> gathered.discard(service, authorization, id, admin))
                .map(ignored -> Response.noContent().build());
    }

    private Uni<Principal.User> admin() {
        return administrators.require(caller.principal(), "see or handle parked events");
    }
}
