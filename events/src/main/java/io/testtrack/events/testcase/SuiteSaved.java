package io.testtrack.events.testcase;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

/** A suite was created, renamed or moved: where it now sits in its project's tree. */
@EventType(value = "testtrack.testcase.SuiteSaved", topic = Topics.TESTCASE)
public record SuiteSaved(UUID suiteId, UUID projectId, UUID parentId, String name, UUID savedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(suiteId);
    }
}
