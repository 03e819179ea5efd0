package io.testtrack.testcase.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case as a list shows it, read by the search's own query: no description, preconditions or
 * steps (only how many), so a page of 50 costs one query and no entity loading.
 */
public record CaseListing(UUID id, UUID projectId, String key, int version, String title, CaseType type, Priority priority,
        CaseStatus status, List<String> tags, Integer estimateMinutes, UUID suiteId, String automationKey, int stepCount,
        Map<String, Object> customFields, Instant updatedAt, Instant deletedAt) {

    /** A case with an automation key is automated (its results come from CI). */
    @JsonProperty("automated")
    public boolean automated() {
        return automationKey != null;
    }
}
