package io.testtrack.auth.client;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.inbox.ParkedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One typed client per service that keeps parked events, at the addresses the deployment gives
 * ({@code parked-events.services.<service>}); auth-service answers for its own itself.
 * Each call has a deadline: a service that does not answer is reported as unreachable, and
 * holds up nothing else.
 */
@ApplicationScoped
public class ServiceParkedEvents {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final Map<String, ParkedEventsApi> clients = new LinkedHashMap<>();

    public ServiceParkedEvents(ParkedEventsConfig config) {
        config.services().forEach((service, url) -> clients.put(service, QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .build(ParkedEventsApi.class)));
    }

    public Set<String> services() {
        return clients.keySet();
    }

    public Uni<ParkedEvents.Page> list(String service, String authorization, String consumer, String type, String since,
            String until, int limit) {
        return api(service).list(authorization, consumer, type, since, until, limit).ifNoItem().after(DEADLINE).fail();
    }

    public Uni<ParkedEvents.Parked> get(String service, String authorization, long id) {
        return notFoundAsIs(api(service).get(authorization, id), service, id);
    }

    public Uni<ParkedEvents.Replayed> replay(String service, String authorization, long id) {
        return notFoundAsIs(api(service).replay(authorization, id), service, id);
    }

    public Uni<Void> discard(String service, String authorization, long id) {
        return notFoundAsIs(api(service).discard(authorization, id), service, id);
    }

    private ParkedEventsApi api(String service) {
        ParkedEventsApi api = clients.get(service);
        if (api == null) {
            throw new ResourceNotFoundException("No service " + service + " keeps parked events; known: " + clients.keySet() + ".");
        }
        return api;
    }

    /** The service's own problem (404, 409) reaches the administrator as the service said it. */
    private static <T> Uni<T> notFoundAsIs(Uni<T> call, String service, long id) {
        return call.ifNoItem().after(DEADLINE).fail()
                .onFailure(WebApplicationException.class).transform(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404) {
                        return new ResourceNotFoundException("No parked event " + id + " in " + service + ".");
                    }
                    if (status == 409) {
                        return new io.testtrack.platform.error.ConflictException("Parked event " + id + " of " + service
                                + " cannot be replayed, only discarded.");
                    }
                    return failure;
                });
    }
}
