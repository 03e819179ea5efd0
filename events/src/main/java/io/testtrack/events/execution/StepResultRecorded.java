package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.execution.StepResultRecorded", topic = Topics.EXECUTION)
public record StepResultRecorded(UUID executionId, UUID runId, UUID projectId, int stepIndex, StepStatus status, UUID recordedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(runId);
    }
}
