package io.testtrack.platform.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCatalog;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.correlation.CorrelationId;
import io.testtrack.platform.persistence.NativeStatements;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The only way an event leaves a service: {@link #record} writes it to the outbox table inside
 * the caller's current reactive transaction, so it is published if and only if that transaction
 * commits. {@link OutboxRelay} does the publishing.
 */
@ApplicationScoped
public class Outbox {

    /** One row of {@link #recordAll}'s statement, named as its columns. */
    private record Row(@JsonProperty("event_id") String eventId, String topic, @JsonProperty("message_key") String messageKey,
            @JsonProperty("event_type") String eventType, String payload, @JsonProperty("correlation_id") String correlationId) {
    }

    /** The rows in the order given: identities are drawn in ordinality order, and the relay publishes by identity. */
    private static final String INSERT_ALL = "INSERT INTO outbox (event_id, topic, message_key, event_type, payload, correlation_id) "
            + "SELECT r.event_id, r.topic, r.message_key, r.event_type, r.payload, r.correlation_id "
            + "FROM ROWS FROM (json_to_recordset(CAST(CAST(:rows AS text) AS json)) AS (event_id uuid, topic text, message_key text, "
            + "event_type text, payload text, correlation_id text)) WITH ORDINALITY "
            + "AS r(event_id, topic, message_key, event_type, payload, correlation_id, n) ORDER BY r.n";

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
        return inTransaction().chain(() -> {
                    EventEnvelope envelope = EventCodec.envelope(event, source, Instant.now(clock), CorrelationId.current());
                    OutboxMessage message = new OutboxMessage(UUID.fromString(envelope.id()),
                            EventCatalog.describe(event.getClass()).topic(), event.aggregateId(), envelope.type(),
                            EventCodec.write(envelope), envelope.correlationid());
                    return Panache.getSession()
                            .chain(session -> session.persist(message))
                            .replaceWith(envelope);
                });
    }

    /**
     * Records many events in the current transaction, published in the order given, with one
     * statement per thousand events (a bulk write's events: an entity each would cost a round
     * trip each, since the outbox's identity cannot be batched).
     */
    public Uni<Void> recordAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return inTransaction().chain(() -> {
            Instant now = Instant.now(clock);
            String correlationId = CorrelationId.current();
            return NativeStatements.forRows(INSERT_ALL, events, event -> {
                EventEnvelope envelope = EventCodec.envelope(event, source, now, correlationId);
                return new Row(envelope.id(), EventCatalog.describe(event.getClass()).topic(), event.aggregateId(), envelope.type(),
                        EventCodec.write(envelope), envelope.correlationid());
            });
        });
    }

    private static Uni<Void> inTransaction() {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "The outbox needs an active transaction (@WithTransaction or Panache.withTransaction)"))
                .replaceWithVoid();
    }
}
