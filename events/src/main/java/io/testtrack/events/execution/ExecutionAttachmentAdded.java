package io.testtrack.events.execution;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

/**
 * A screenshot or log was attached to an execution, or to one of its steps ({@code stepIndex};
 * null for the execution as a whole). The content stays with execution-service, which serves it
 * to project members at {@code /api/executions/{executionId}/attachments/{attachmentId}}; the
 * event says that it exists and what it is. Keyed by run like the step results, so a consumer
 * sees the step's result and its attachments in the order they were recorded.
 */
@EventType(value = "testtrack.execution.ExecutionAttachmentAdded", topic = Topics.EXECUTION)
public record ExecutionAttachmentAdded(UUID attachmentId, UUID executionId, UUID runId, UUID projectId, Integer stepIndex,
        String fileName, String contentType, int size, UUID uploadedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(runId);
    }
}
