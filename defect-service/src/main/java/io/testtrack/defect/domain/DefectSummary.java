package io.testtrack.defect.domain;

import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A defect as a list shows it. */
public record DefectSummary(UUID id, UUID projectId, String key, String title, Severity severity, Priority priority,
        DefectStatus status, Resolution resolution, UUID reporterId, UUID assigneeId, List<String> tags, UUID executionId,
        UUID testCaseId, Instant createdAt, Instant updatedAt, int version) {
}
