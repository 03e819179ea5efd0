package io.testtrack.events.testcase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The whole state of a test case at one version, steps included, as other services see it. */
public record TestCaseSnapshot(
        UUID id,
        UUID projectId,
        String key,
        int version,
        String title,
        String description,
        String preconditions,
        String type,
        String priority,
        String status,
        List<String> tags,
        UUID suiteId,
        String automationKey,
        List<Step> steps,
        Map<String, Object> customFields,
        Instant updatedAt) {

    /** One step as the case lists it, {@code index} counting from 1. */
    public record Step(int index, String action, String expectedResult, String testData) {
    }
}
