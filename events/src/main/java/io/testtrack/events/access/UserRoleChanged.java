package io.testtrack.events.access;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import io.testtrack.events.GlobalRole;
import java.util.UUID;

@EventType(value = "testtrack.access.UserRoleChanged", topic = Topics.ACCESS)
public record UserRoleChanged(UUID userId, GlobalRole previousRole, GlobalRole role, UUID changedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
