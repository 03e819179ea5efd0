package io.testtrack.events.defect;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.List;
import java.util.UUID;

/** A comment on a defect. Version 2 adds the users the comment @mentions, to be told of it (null in version 1 events). */
@EventType(value = "testtrack.defect.DefectCommented", topic = Topics.DEFECT, version = 2)
public record DefectCommented(UUID defectId, UUID projectId, UUID commentId, UUID authorId, String excerpt,
        List<UUID> mentionedUserIds) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(defectId);
    }
}
