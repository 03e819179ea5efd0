package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.access.UserDeactivated", topic = Topics.ACCESS)
public record UserDeactivated(UUID userId, UUID deactivatedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
