package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

/**
 * A step's result as a tester recorded it. Version 2 adds what a defect filed from a failed step
 * is prefilled with: the case and its version as the execution snapshotted them, the step's
 * action and expected result, and what the tester saw (null in version 1 events).
 */
@EventType(value = "testtrack.execution.StepResultRecorded", topic = Topics.EXECUTION, version = 2)
public record StepResultRecorded(UUID executionId, UUID runId, UUID projectId, int stepIndex, StepStatus status, UUID recordedBy,
        UUID testCaseId, String caseKey, Integer caseVersion, String title, String action, String expected, String actualResult,
        String comment) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(runId);
    }
}
