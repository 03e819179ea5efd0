package io.testtrack.events.defect;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.defect.DefectStatusChanged", topic = Topics.DEFECT)
public record DefectStatusChanged(UUID defectId, UUID projectId, DefectStatus previousStatus, DefectStatus status, UUID changedBy, String comment) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(defectId);
    }
}
