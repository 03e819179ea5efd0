package io.testtrack.defect.domain;

import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.Severity;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A list request: every filter is optional, but a list is always of one project, of the caller's
 * own defects (assignee or reporter "me") across their projects, or of one execution.
 */
public record DefectQuery(UUID projectId, Set<DefectStatus> statuses, Set<Severity> severities, Set<Priority> priorities,
        UUID assigneeId, UUID reporterId, List<String> tags, UUID testCaseId, UUID executionId, String text, boolean openOnly,
        String cursor, int limit) {
}
