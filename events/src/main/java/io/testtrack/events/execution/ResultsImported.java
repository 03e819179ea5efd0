package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

@EventType(value = "testtrack.execution.ResultsImported", topic = Topics.EXECUTION)
public record ResultsImported(UUID runId, UUID projectId, String buildVersion, int total, int passed, int failed, int errored, int skipped, int discovered) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(runId);
    }
}
