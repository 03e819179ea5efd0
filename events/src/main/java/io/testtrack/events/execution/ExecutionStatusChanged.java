package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.execution.ExecutionStatusChanged", topic = Topics.EXECUTION)
public record ExecutionStatusChanged(UUID executionId, UUID runId, UUID projectId, UUID testCaseId, String automationKey, ExecutionStatus previousStatus, ExecutionStatus status, UUID changedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(runId);
    }
}
