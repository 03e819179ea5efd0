package io.testtrack.events.defect;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.defect.DefectCreated", topic = Topics.DEFECT)
public record DefectCreated(UUID defectId, UUID projectId, String key, String title, Severity severity, DefectStatus status, UUID reporterId, UUID assigneeId, UUID executionId, UUID testCaseId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(defectId);
    }
}
