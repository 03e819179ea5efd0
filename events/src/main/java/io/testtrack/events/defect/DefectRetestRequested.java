package io.testtrack.events.defect;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;
import io.testtrack.events.Topics;
import java.util.UUID;

/**
 * A defect reached FIXED and was filed from a failed execution: execution-service is asked for a
 * re-test of that execution's case, pinned to the snapshot (case version, steps) that failed,
 * assigned to {@code assigneeId} (the reporter), in a run named {@code runName}.
 */
@EventType(value = "testtrack.defect.DefectRetestRequested", topic = Topics.DEFECT)
public record DefectRetestRequested(UUID defectId, UUID projectId, String key, String runName, UUID sourceExecutionId,
        UUID testCaseId, Integer caseVersion, UUID assigneeId, UUID requestedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(defectId);
    }
}
