package io.testtrack.defect.domain;

import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.Severity;
import io.testtrack.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A defect. Its key ({@code SHOP-B12}) is handed out once per project; its version counts every
 * change, and every write names the version it was made against. A defect filed from a failed
 * step keeps the execution, the step and the case version that failed.
 */
@Entity
@Table(name = "defects")
public class Defect {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(nullable = false, updatable = false)
    public String key;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "steps_to_reproduce")
    public String stepsToReproduce;

    @Column(name = "expected_result")
    public String expectedResult;

    @Column(name = "actual_result")
    public String actualResult;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    public Reproducibility reproducibility;

    public String environment;

    public String build;

    @Convert(converter = JsonColumn.Strings.class)
    @ColumnTransformer(read = "cast(tags as text)", write = "cast(cast(? as text) as jsonb)")
    public List<String> tags;

    @Column(name = "reporter_id", nullable = false, updatable = false)
    public UUID reporterId;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    @Convert(converter = JsonText.Ids.class)
    @ColumnTransformer(read = "cast(watchers as text)", write = "cast(cast(? as text) as jsonb)")
    public List<UUID> watchers;

    /** Values of the project's custom fields, by field name, as the platform's custom field rules store them. */
    @Convert(converter = JsonText.Values.class)
    @Column(name = "custom_fields")
    @ColumnTransformer(read = "cast(custom_fields as text)", write = "cast(cast(? as text) as jsonb)")
    public Map<String, Object> customFields;

    /**
     * The failed step's attachments, as references to execution-service's. Set when the defect is
     * filed; one announced later is added by the execution projection, so an edit never writes it.
     */
    @Convert(converter = JsonText.Attachments.class)
    @Column(name = "step_attachments", updatable = false)
    @ColumnTransformer(read = "cast(step_attachments as text)", write = "cast(cast(? as text) as jsonb)")
    public List<StepAttachment> stepAttachments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DefectStatus status;

    @Enumerated(EnumType.STRING)
    public Resolution resolution;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Column(name = "fix_root_cause")
    public String fixRootCause;

    @Column(name = "fix_summary")
    public String fixSummary;

    @Column(name = "fix_link")
    public String fixLink;

    @Column(name = "execution_id", updatable = false)
    public UUID executionId;

    @Column(name = "run_id", updatable = false)
    public UUID runId;

    @Column(name = "step_index", updatable = false)
    public Integer stepIndex;

    @Column(name = "test_case_id", updatable = false)
    public UUID testCaseId;

    @Column(name = "case_key", updatable = false)
    public String caseKey;

    @Column(name = "case_version", updatable = false)
    public Integer caseVersion;

    @Column(name = "github_url")
    public String githubUrl;

    @Column(name = "retest_execution_id")
    public UUID retestExecutionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    public int version;

    /** Open until verified as fixed or closed. */
    public boolean isOpen() {
        return status != DefectStatus.VERIFIED_FIXED && status != DefectStatus.CLOSED;
    }
}
