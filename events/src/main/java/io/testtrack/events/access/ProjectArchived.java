package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.access.ProjectArchived", topic = Topics.ACCESS)
public record ProjectArchived(UUID projectId, UUID archivedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(projectId);
    }
}
