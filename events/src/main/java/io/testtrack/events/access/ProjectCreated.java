package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.access.ProjectCreated", topic = Topics.ACCESS)
public record ProjectCreated(UUID projectId, String key, String name, UUID createdBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(projectId);
    }
}
