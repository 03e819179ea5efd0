package io.testtrack.defect.domain;

import io.testtrack.events.defect.Severity;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields of a defect a create or an edit sets; null leaves a field as it is (on a create: as
 * the failed step prefills it, or empty), an empty text clears it. {@code customFields} are laid
 * over the defect's values (a null value clears one) and checked against the project's definitions.
 */
public record DefectInput(String title, String description, String stepsToReproduce, String expectedResult, String actualResult,
        Severity severity, Priority priority, Reproducibility reproducibility, String environment, String build, List<String> tags,
        UUID assigneeId, List<UUID> watchers, Map<String, Object> customFields) {
}
