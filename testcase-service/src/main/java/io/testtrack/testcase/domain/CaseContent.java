package io.testtrack.testcase.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Everything about a test case that a user edits: what a version records, what a restore puts
 * back, what an update replaces. Steps are kept as stored (shared groups by reference).
 */
public record CaseContent(
        String title,
        String description,
        String preconditions,
        CaseType type,
        Priority priority,
        CaseStatus status,
        List<String> tags,
        Integer estimateMinutes,
        UUID suiteId,
        String automationKey,
        List<StepItem> steps,
        Map<String, Object> customFields) {

    private static final Map<String, Function<CaseContent, Object>> FIELDS = fields();

    public CaseContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
        steps = steps == null ? List.of() : List.copyOf(steps);
        customFields = customFields == null ? Map.of() : new LinkedHashMap<>(customFields);
    }

    /** The names of the fields that differ from {@code before}, in a fixed order. */
    public List<String> changesFrom(CaseContent before) {
        List<String> changed = new ArrayList<>();
        FIELDS.forEach((name, value) -> {
            if (before == null || !Objects.equals(value.apply(this), value.apply(before))) {
                changed.add(name);
            }
        });
        return changed;
    }

    public CaseContent withSteps(List<StepItem> newSteps) {
        return new CaseContent(title, description, preconditions, type, priority, status, tags, estimateMinutes, suiteId,
                automationKey, newSteps, customFields);
    }

    public CaseContent withSuite(UUID newSuiteId) {
        return new CaseContent(title, description, preconditions, type, priority, status, tags, estimateMinutes, newSuiteId,
                automationKey, steps, customFields);
    }

    public CaseContent withPriority(Priority newPriority) {
        return new CaseContent(title, description, preconditions, type, newPriority, status, tags, estimateMinutes, suiteId,
                automationKey, steps, customFields);
    }

    public CaseContent withStatus(CaseStatus newStatus) {
        return new CaseContent(title, description, preconditions, type, priority, newStatus, tags, estimateMinutes, suiteId,
                automationKey, steps, customFields);
    }

    public CaseContent withTags(List<String> newTags) {
        return new CaseContent(title, description, preconditions, type, priority, status, newTags, estimateMinutes, suiteId,
                automationKey, steps, customFields);
    }

    /** A copy under a new title and without the automation key, which names one case only. */
    public CaseContent asClone(String newTitle, UUID newSuiteId) {
        return new CaseContent(newTitle, description, preconditions, type, priority, status, tags, estimateMinutes, newSuiteId,
                null, steps, customFields);
    }

    private static Map<String, Function<CaseContent, Object>> fields() {
        Map<String, Function<CaseContent, Object>> fields = new LinkedHashMap<>();
        fields.put("title", CaseContent::title);
        fields.put("description", CaseContent::description);
        fields.put("preconditions", CaseContent::preconditions);
        fields.put("type", CaseContent::type);
        fields.put("priority", CaseContent::priority);
        fields.put("status", CaseContent::status);
        fields.put("tags", CaseContent::tags);
        fields.put("estimateMinutes", CaseContent::estimateMinutes);
        fields.put("suiteId", CaseContent::suiteId);
        fields.put("automationKey", CaseContent::automationKey);
        fields.put("steps", CaseContent::steps);
        fields.put("customFields", CaseContent::customFields);
        return fields;
    }
}
