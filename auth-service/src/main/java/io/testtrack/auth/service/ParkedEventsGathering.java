package io.testtrack.auth.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.client.ServiceParkedEvents;
import io.testtrack.auth.domain.ParkedListing;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.inbox.ParkedEvents;
import io.testtrack.platform.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The parked events of every service in one place: this service's own from its tables, the
 * others' through their parked-events endpoints with the administrator's own token. A service
 * that does not answer is named in {@code unreachable} rather than failing the list.
 */
@ApplicationScoped
public class ParkedEventsGathering {

    private final ParkedEvents own;
    private final ServiceParkedEvents services;
    private final String self;

    public ParkedEventsGathering(ParkedEvents own, ServiceParkedEvents services, PlatformConfig config) {
        this.own = own;
        this.services = services;
        this.self = config.service();
    }

    /** {@code since} and {@code until} as the caller wrote them, passed on to the other services. */
    public Uni<ParkedListing> list(String service, String authorization, ParkedEvents.Filter filter, String since, String until,
            int limit) {
        List<String> asked = new ArrayList<>();
        if (service == null || service.equals(self)) {
            asked.add(self);
        }
        services.services().stream().filter(name -> service == null || name.equals(service)).forEach(asked::add);
        if (asked.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException("No service " + service + " keeps parked events."));
        }
        List<Uni<Optional<ParkedEvents.Page>>> pages = asked.stream()
                .map(name -> page(name, authorization, filter, since, until, limit)).toList();
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
            return new ParkedListing(List.copyOf(shown), unreachable, more ? shown.get(limit - 1).parkedAt() : null);
        });
    }

    private Uni<Optional<ParkedEvents.Page>> page(String service, String authorization, ParkedEvents.Filter filter,
            String since, String until, int limit) {
        Uni<ParkedEvents.Page> page = service.equals(self)
                ? own.list(filter, null, limit)
                : services.list(service, authorization, filter.consumer(), filter.type(), since, until, limit);
        return page.map(Optional::of).onFailure().recoverWithItem(failure -> {
            Log.warnf("parked events of %s could not be listed: %s", service, failure.toString());
            return Optional.empty();
        });
    }

    public Uni<ParkedEvents.Parked> get(String service, String authorization, long id) {
        return service.equals(self) ? own.get(id) : services.get(service, authorization, id);
    }

    public Uni<ParkedEvents.Replayed> replay(String service, String authorization, long id, Principal.User admin) {
        return service.equals(self) ? own.replay(id, admin) : services.replay(service, authorization, id);
    }

    public Uni<Void> discard(String service, String authorization, long id, Principal.User admin) {
        return service.equals(self) ? own.discard(id, admin) : services.discard(service, authorization, id);
    }
}
