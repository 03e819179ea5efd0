package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

/**
 * The re-test a defect asked for exists: a run of one execution, a copy of the failed one. Keyed
 * by run like the execution's status changes, so it reaches consumers before them.
 */
@EventType(value = "testtrack.execution.RetestExecutionCreated", topic = Topics.EXECUTION)
public record RetestExecutionCreated(UUID executionId, UUID runId, UUID projectId, UUID defectId, UUID sourceExecutionId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(runId);
    }
}
