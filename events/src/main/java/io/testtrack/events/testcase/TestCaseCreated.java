package io.testtrack.events.testcase;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.testcase.TestCaseCreated", topic = Topics.TESTCASE)
public record TestCaseCreated(TestCaseSnapshot testCase, UUID createdBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(testCase.id());
    }
}
