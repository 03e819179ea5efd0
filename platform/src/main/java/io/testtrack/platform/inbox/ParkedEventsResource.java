package io.testtrack.platform.inbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.security.Administrators;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * This service's parked events, for the global ADMIN only: list (newest first, keyset pages,
 * filtered by consumer, event type and time), show one whole, replay, discard. Internal: the
 * gateway never routes {@code /internal}; auth-service's {@code /api/admin/parked-events} gathers
 * every service's list and passes the rest on, with the administrator's own access token, which
 * each service checks again here. Replays and discards are audited.
 */
@Path("/internal/parked-events")
@Authenticated
public class ParkedEventsResource {

    private final ParkedEvents parked;
    private final Administrators administrators;
    private final Caller caller;

    public ParkedEventsResource(ParkedEvents parked, Administrators administrators, Caller caller) {
        this.parked = parked;
        this.administrators = administrators;
        this.caller = caller;
    }

    @GET
    public Uni<ParkedEvents.Page> list(@QueryParam("consumer") String consumer, @QueryParam("type") String type,
            @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("cursor") Long cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit must be between 1 and 200.");
        }
        ParkedEvents.Filter filter = new ParkedEvents.Filter(consumer, type, instant("since", since), instant("until", until));
        return admin().chain(admin -> parked.list(filter, cursor, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<ParkedEvents.Parked> get(@PathParam("id") long id) {
        return admin().chain(admin -> parked.get(id));
    }

    /** Publishes the event again, for the consumer that parked it only; answers 202: it is applied as it comes. */
    @POST
    @Path("/{id}/replay")
    public Uni<Response> replay(@PathParam("id") long id) {
        return admin().chain(admin -> parked.replay(id, admin))
                .map(replayed -> Response.accepted(replayed).build());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> discard(@PathParam("id") long id) {
        return admin().chain(admin -> parked.discard(id, admin)).map(ignored -> Response.noContent().build());
    }

    private Uni<Principal.User> admin() {
        return administrators.require(caller.principal(), "see or handle parked events");
    }

    /** An optional ISO-8601 instant of the query, or a 400 that says how to write one. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " must be an ISO-8601 instant, for example 2026-11-29T10:00:00Z.");
        }
    }
}
