package io.testtrack.events.audit;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

/**
 * An administrator replayed or discarded an event that a consumer had parked; auth-service keeps
 * it in the audit log. {@code action} is {@code REPLAYED} or {@code DISCARDED}.
 */
@EventType(value = "testtrack.audit.ParkedEventHandled", topic = Topics.AUDIT)
public record ParkedEventHandled(String service, String consumer, String eventId, String eventType, String action,
        UUID actorId, String actorEmail) implements DomainEvent {

    @Override
    public String aggregateId() {
        return service + "/" + consumer + "/" + eventId;
    }
}
