package io.testtrack.events.defect;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.defect.DefectCommented", topic = Topics.DEFECT)
public record DefectCommented(UUID defectId, UUID projectId, UUID commentId, UUID authorId, String excerpt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(defectId);
    }
}
