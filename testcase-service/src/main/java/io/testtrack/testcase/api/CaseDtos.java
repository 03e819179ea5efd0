package io.testtrack.testcase.api;

import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.testcase.domain.AutomationKey;
import io.testtrack.testcase.domain.BulkAction;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.CaseListing;
import io.testtrack.testcase.domain.CaseStatus;
import io.testtrack.testcase.domain.CaseTitle;
import io.testtrack.testcase.domain.CaseType;
import io.testtrack.testcase.domain.Limits;
import io.testtrack.testcase.domain.NumberedStep;
import io.testtrack.testcase.domain.Priority;
import io.testtrack.testcase.domain.Steps;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.domain.TestCaseVersion;
import io.testtrack.testcase.domain.WrittenCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of /api/tests. */
public final class CaseDtos {

    private CaseDtos() {
    }

    /**
     * A case as a create or a full update sends it: a create names the project, an update the
     * version it was made against. Absent enums take their defaults (FUNCTIONAL, MEDIUM, DRAFT).
     */
    public record CaseInput(
            UUID projectId,
            Integer version,
            @NotNull @CaseTitle String title,
            @Size(max = Limits.TEXT) String description,
            @Size(max = Limits.TEXT) String preconditions,
            CaseType type,
            Priority priority,
            CaseStatus status,
            @Size(max = 30) List<@NotNull String> tags,
            @Min(0) @Max(Limits.ESTIMATE_MINUTES) Integer estimateMinutes,
            UUID suiteId,
            @AutomationKey String automationKey,
            @Size(max = Steps.MAX_STEPS) List<@NotNull @Valid NumberedStep> steps,
            Map<String, Object> customFields) {

        CaseContent toDomain() {
            return new CaseContent(title.trim(), blankToNull(description), blankToNull(preconditions),
                    type == null ? CaseType.FUNCTIONAL : type, priority == null ? Priority.MEDIUM : priority,
                    status == null ? CaseStatus.DRAFT : status, tags, estimateMinutes, suiteId,
                    automationKey == null || automationKey.isBlank() ? null : automationKey.trim(), Steps.arrange(steps, "steps"),
                    customFields);
        }
    }

    public record ReplaceSteps(@NotNull Integer version, @NotNull @Size(max = Steps.MAX_STEPS) List<@NotNull @Valid NumberedStep> steps) {
    }

    public record CloneCase(@CaseTitle String title, UUID suiteId) {
    }

    public record RestoreVersion(Integer version) {
    }

    public record Bulk(
            @NotNull UUID projectId,
            @NotNull @Size(min = 1, max = Limits.BULK_IDS) List<@NotNull UUID> ids,
            @NotNull BulkAction action,
            UUID suiteId,
            boolean moveToRoot,
            Priority priority,
            CaseStatus status,
            @Size(max = 30) List<@NotNull String> addTags,
            @Size(max = 30) List<@NotNull String> removeTags) {
    }

    public record BulkResult(int affected) {
    }

    public record CaseView(UUID id, UUID projectId, String key, int version, String title, String description,
            String preconditions, CaseType type, Priority priority, CaseStatus status, List<String> tags, Integer estimateMinutes,
            UUID suiteId, String automationKey, boolean automated, List<NumberedStep> steps,
            List<TestCaseSnapshot.Step> expandedSteps, Map<String, Object> customFields, UUID createdBy, Instant createdAt,
            UUID updatedBy, Instant updatedAt) {

        static CaseView of(WrittenCase written) {
            TestCase c = written.testCase();
            return new CaseView(c.id, c.projectId, c.key, c.version, c.title, c.description, c.preconditions, c.type, c.priority,
                    c.status, c.tags, c.estimateMinutes, c.suiteId, c.automationKey, c.automationKey != null,
                    Steps.numbered(c.steps), written.steps(), c.customFields, c.createdBy, c.createdAt, c.updatedBy, c.updatedAt);
        }
    }

    /**
     * A page of a search; {@code total} counts every match, except that a search without a text,
     * tag or custom field filter stops counting at 10,000 ({@code totalCapped} then).
     */
    public record CasePage(List<CaseListing> items, String nextCursor, long total, boolean totalCapped) {
    }

    public record VersionSummary(int version, UUID changedBy, Instant changedAt, List<String> changes, String summary) {
        static VersionSummary of(TestCaseVersion v) {
            return new VersionSummary(v.version, v.changedBy, v.changedAt, v.changes, v.summary);
        }
    }

    public record VersionView(int version, UUID changedBy, Instant changedAt, List<String> changes, String summary,
            CaseContentView content, List<TestCaseSnapshot.Step> expandedSteps) {
        static VersionView of(TestCaseVersion v) {
            CaseContent c = v.content;
            return new VersionView(v.version, v.changedBy, v.changedAt, v.changes, v.summary,
                    new CaseContentView(c.title(), c.description(), c.preconditions(), c.type(), c.priority(), c.status(), c.tags(),
                            c.estimateMinutes(), c.suiteId(), c.automationKey(), Steps.numbered(c.steps()), c.customFields()),
                    v.steps);
        }
    }

    public record CaseContentView(String title, String description, String preconditions, CaseType type, Priority priority,
            CaseStatus status, List<String> tags, Integer estimateMinutes, UUID suiteId, String automationKey,
            List<NumberedStep> steps, Map<String, Object> customFields) {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
