package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import io.testtrack.events.GlobalRole;
import java.util.UUID;

@EventType(value = "testtrack.access.UserRegistered", topic = Topics.ACCESS)
public record UserRegistered(UUID userId, String email, String name, GlobalRole role) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
