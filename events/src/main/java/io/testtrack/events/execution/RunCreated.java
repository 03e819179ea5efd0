package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.execution.RunCreated", topic = Topics.EXECUTION)
public record RunCreated(UUID runId, UUID projectId, String name, String environment, String buildVersion, String milestone, RunSource origin, int executionCount, UUID createdBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(runId);
    }
}
