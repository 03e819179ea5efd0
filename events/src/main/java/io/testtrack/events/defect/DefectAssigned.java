package io.testtrack.events.defect;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.defect.DefectAssigned", topic = Topics.DEFECT)
public record DefectAssigned(UUID defectId, UUID projectId, UUID previousAssigneeId, UUID assigneeId, UUID assignedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(defectId);
    }
}
