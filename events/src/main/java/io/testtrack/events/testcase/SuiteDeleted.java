package io.testtrack.events.testcase;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

/** A suite was deleted (with the suites below it, each announced on its own). */
@EventType(value = "testtrack.testcase.SuiteDeleted", topic = Topics.TESTCASE)
public record SuiteDeleted(UUID suiteId, UUID projectId, UUID deletedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(suiteId);
    }
}
