package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.execution.AutomatedTestDiscovered", topic = Topics.EXECUTION)
public record AutomatedTestDiscovered(UUID projectId, String automationKey, String classname, String name, UUID runId, UUID executionId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(projectId + "/" + automationKey);
    }
}
