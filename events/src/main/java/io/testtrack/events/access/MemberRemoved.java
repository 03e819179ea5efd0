package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.access.MemberRemoved", topic = Topics.ACCESS)
public record MemberRemoved(UUID projectId, UUID userId, UUID removedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(projectId);
    }
}
