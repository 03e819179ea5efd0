package io.testtrack.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCatalog;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.correlation.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The only way an event leaves a service: {@link #record} writes it to the outbox table inside
 * the caller's current reactive transaction, so it is published if and only if that transaction
 * commits. {@link OutboxRelay} does the publishing.
 */
@ApplicationScoped
public class Outbox {

    private final String source;
    private final Clock clock;

    public Outbox(PlatformConfig config) {
        this.source = "/testtrack/" + config.service();
        this.clock = Clock.systemUTC();
    }

    /**
     * Records an event in the current transaction; fails when there is none, because an event
     * written outside the state change's transaction could be published for a change that never
     * happened.
     */
    public Uni<EventEnvelope> record(DomainEvent event) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.record needs an active transaction (@WithTransaction or Panache.withTransaction)"))
                .chain(tx -> {
                    EventEnvelope envelope = EventCodec.envelope(event, source, Instant.now(clock), CorrelationId.current());
                    OutboxMessage message = new OutboxMessage(UUID.fromString(envelope.id()),
                            EventCatalog.describe(event.getClass()).topic(), event.aggregateId(), envelope.type(),
                            EventCodec.write(envelope), envelope.correlationid());
                    return Panache.getSession()
                            .chain(session -> session.persist(message))
                            .replaceWith(envelope);
                });
    }
}
