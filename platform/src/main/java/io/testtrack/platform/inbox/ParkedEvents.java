package io.testtrack.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where an event goes that its consumer cannot apply: a row in {@code parked_event} with the
 * failure, and the event's inbox row, in one transaction. The consumer then goes on with the
 * events behind it. Each parking is logged as an error and counted in
 * {@code testtrack_events_parked_total{consumer}}, which is what to alert on.
 */
@ApplicationScoped
public class ParkedEvents {

    /** Enough of a failure to see what went wrong; a stack trace is in the log. */
    private static final int FAILURE_LENGTH = 4_000;

    private static final String PARK = "INSERT INTO parked_event (consumer, event_id, event_type, subject, event, failure) "
            + "VALUES (:consumer, :eventId, :type, :subject, :event, :failure) ON CONFLICT DO NOTHING";

    private final Inbox inbox;
    private final MeterRegistry registry;

    public ParkedEvents(Inbox inbox, MeterRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    /**
     * Parks {@code envelope} for {@code consumer} in the caller's transaction, unless the consumer
     * has applied or parked it before.
     */
    public Uni<Void> park(String consumer, EventEnvelope envelope, Throwable failure) {
        return inbox.claimAll(consumer, List.of(envelope)).chain(fresh -> {
            if (fresh.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(PARK)
                            .setParameter("consumer", consumer)
                            .setParameter("eventId", storable(envelope.id()))
                            .setParameter("type", storable(envelope.type()))
                            .setParameter("subject", storable(envelope.subject()))
                            .setParameter("event", EventCodec.write(envelope))
                            .setParameter("failure", describe(failure))
                            .executeUpdate())
                    .invoke(() -> {
                        Log.errorf(failure, "%s parked event %s (%s, subject %s): its change failed and will not be "
                                + "retried; see table parked_event", consumer, envelope.id(), envelope.type(), envelope.subject());
                        Counter.builder("testtrack.events.parked")
                                .description("Events a consumer could not apply, kept in parked_event")
                                .tag("consumer", consumer)
                                .register(registry)
                                .increment();
                    })
                    .replaceWithVoid();
        });
    }

    private static String describe(Throwable failure) {
        String described = storable(EventFailures.causes(failure).map(String::valueOf).collect(Collectors.joining("\ncaused by: ")));
        return described.length() > FAILURE_LENGTH ? described.substring(0, FAILURE_LENGTH) : described;
    }

    /** PostgreSQL's text cannot hold NUL, and an event parked for having one may carry it anywhere. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
