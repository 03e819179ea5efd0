package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import io.testtrack.events.ProjectRole;
import java.util.UUID;

@EventType(value = "testtrack.access.MemberAdded", topic = Topics.ACCESS)
public record MemberAdded(UUID projectId, UUID userId, ProjectRole role, UUID addedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(projectId);
    }
}
