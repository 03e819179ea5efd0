package io.testtrack.events.testcase;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.testcase.TestCaseUpdated", topic = Topics.TESTCASE)
public record TestCaseUpdated(TestCaseSnapshot testCase, int previousVersion, UUID updatedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(testCase.id());
    }
}
