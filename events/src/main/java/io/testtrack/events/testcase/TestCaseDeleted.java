package io.testtrack.events.testcase;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.testcase.TestCaseDeleted", topic = Topics.TESTCASE)
public record TestCaseDeleted(UUID testCaseId, UUID projectId, String key, String automationKey, UUID deletedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(testCaseId);
    }
}
