package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import io.testtrack.events.ProjectRole;
import java.util.UUID;

@EventType(value = "testtrack.access.MemberRoleChanged", topic = Topics.ACCESS)
public record MemberRoleChanged(UUID projectId, UUID userId, ProjectRole previousRole, ProjectRole role, UUID changedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(projectId);
    }
}
