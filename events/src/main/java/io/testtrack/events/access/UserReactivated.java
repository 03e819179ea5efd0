package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.access.UserReactivated", topic = Topics.ACCESS)
public record UserReactivated(UUID userId, UUID reactivatedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
