package io.testtrack.auth.api;

import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.client.ServiceParkedEvents;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.inbox.ParkedEvents;
import io.testtrack.platform.inbox.ParkedEventsResource;
import io.testtrack.platform.security.Administrators;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The events every service's consumers parked, in one place for the global ADMIN: the list
 * gathers each service's (newest first; {@code until} of the next page is {@code nextCursor}),
 * and one event is shown, replayed or discarded in the service that parked it. A service that
 * does not answer is named in {@code unreachable} rather than failing the list.
 */
@Path("/api/admin/parked-events")
@Authenticated
public class ParkedEventsAdminResource {

    public record Listing(List<ParkedEvents.Parked> items, List<String> unreachable, Instant nextCursor) {
    }

    private final ParkedEvents own;
    private final ServiceParkedEvents services;
    private final Administrators administrators;
    private final JsonWebToken jwt;
    private final String self;

    public ParkedEventsAdminResource(ParkedEvents own, ServiceParkedEvents services, Administrators administrators,
            JsonWebToken jwt, PlatformConfig config) {
        this.own = own;
        this.services = services;
        this.administrators = administrators;
        this.jwt = jwt;
        this.self = config.service();
    }

    @GET
    public Uni<Listing> list(@HeaderParam("Authorization") String authorization, @QueryParam("service") String service,
            @QueryParam("consumer") String consumer, @QueryParam("type") String type, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit must be between 1 and 200.");
        }
        Instant from = ParkedEventsResource.instant("since", since);
        Instant to = ParkedEventsResource.instant("until", until);
        List<String> asked = new ArrayList<>();
        if (service == null || service.equals(self)) {
            asked.add(self);
        }
        services.services().stream().filter(name -> service == null || name.equals(service)).forEach(asked::add);
        if (asked.isEmpty()) {
            throw new InvalidRequestException("No service " + service + " keeps parked events.");
        }
        return admin().chain(admin -> {
            List<Uni<Optional<ParkedEvents.Page>>> pages = asked.stream().map(name -> page(name, authorization, consumer, type,
                    from, to, since, until, limit)).toList();
            return Uni.join().all(pages).andFailFast().map(found -> {
                List<ParkedEvents.Parked> items = new ArrayList<>();
                List<String> unreachable = new ArrayList<>();
                for (int i = 0; i < asked.size(); i++) {
                    Optional<ParkedEvents.Page> page = found.get(i);
                    if (page.isPresent()) {
                        items.addAll(page.get().items());
                    } else {
                        unreachable.add(asked.get(i));
                    }
                }
                items.sort(Comparator.comparing(ParkedEvents.Parked::parkedAt).reversed());
                boolean more = items.size() > limit;
                List<ParkedEvents.Parked> shown = more ? items.subList(0, limit) : items;
                return new Listing(List.copyOf(shown), unreachable, more ? shown.get(limit - 1).parkedAt() : null);
            });
        });
    }

    private Uni<Optional<ParkedEvents.Page>> page(String service, String authorization, String consumer, String type,
            Instant from, Instant to, String since, String until, int limit) {
        Uni<ParkedEvents.Page> page = service.equals(self)
                ? own.list(new ParkedEvents.Filter(consumer, type, from, to), null, limit)
                : services.list(service, authorization, consumer, type, since, until, limit);
        return page.map(Optional::of).onFailure().recoverWithItem(failure -> {
            Log.warnf("parked events of %s could not be listed: %s", service, failure.toString());
            return Optional.empty();
        });
    }

    @GET
    @Path("/{service}/{id}")
    public Uni<ParkedEvents.Parked> get(@HeaderParam("Authorization") String authorization, @PathParam("service") String service,
            @PathParam("id") long id) {
        return admin().chain(admin -> service.equals(self) ? own.get(id) : services.get(service, authorization, id));
    }

    @POST
    @Path("/{service}/{id}/replay")
    public Uni<Response> replay(@HeaderParam("Authorization") String authorization, @PathParam("service") String service,
            @PathParam("id") long id) {
        return admin().chain(admin -> service.equals(self) ? own.replay(id, admin) : services.replay(service, authorization, id))
                .map(replayed -> Response.accepted(replayed).build());
    }

    @DELETE
    @Path("/{service}/{id}")
    public Uni<Response> discard(@HeaderParam("Authorization") String authorization, @PathParam("service") String service,
            @PathParam("id") long id) {
        return admin().chain(admin -> service.equals(self) ? own.discard(id, admin) : services.discard(service, authorization, id))
                .map(ignored -> Response.noContent().build());
    }

    private Uni<Principal.User> admin() {
        return administrators.require(jwt, "see or handle parked events");
    }
}
