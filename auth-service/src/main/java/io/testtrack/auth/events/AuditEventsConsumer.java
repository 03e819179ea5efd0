package io.testtrack.auth.events;

import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.service.AuditLog;
import io.testtrack.auth.service.Caller;
import io.testtrack.events.EventCodec;
import io.testtrack.events.audit.ParkedEventHandled;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What administrators did in the other services (a parked event replayed or discarded), into the one audit log. */
@ApplicationScoped
public class AuditEventsConsumer {

    public static final String CHANNEL = "audit-events";
    private static final String CONSUMER = "audit-log";

    private final EventConsumer events;
    private final AuditLog audit;

    public AuditEventsConsumer(EventConsumer events, AuditLog audit) {
        this.events = events;
        this.audit = audit;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onAuditEvent(ConsumerRecord<String, String> record) {
        return events.applyOne(CONSUMER, record, envelope -> {
            if (EventCodec.payload(envelope).orElse(null) instanceof ParkedEventHandled e) {
                AuditAction action = "REPLAYED".equals(e.action()) ? AuditAction.PARKED_EVENT_REPLAYED
                        : AuditAction.PARKED_EVENT_DISCARDED;
                return audit.record(new Caller(e.actorId(), e.actorEmail(), null, null), action, "parked-event",
                        e.service() + "/" + e.consumer() + "/" + e.eventId(), e.eventType());
            }
            return Uni.createFrom().voidItem();
        });
    }
}
