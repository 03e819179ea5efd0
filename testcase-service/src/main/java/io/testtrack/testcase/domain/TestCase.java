package io.testtrack.testcase.domain;

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
 * A test case. Its key ({@code SHOP-42}) is handed out once per project and never reused; its
 * version counts every change, and an update names the version it was made against.
 */
@Entity
@Table(name = "test_cases")
public class TestCase {

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

    public String preconditions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Convert(converter = JsonColumn.Strings.class)
    @ColumnTransformer(read = "cast(tags as text)", write = "cast(cast(? as text) as jsonb)")
    public List<String> tags;

    @Column(name = "estimate_minutes")
    public Integer estimateMinutes;

    @Column(name = "suite_id")
    public UUID suiteId;

    @Column(name = "automation_key")
    public String automationKey;

    @Convert(converter = JsonColumns.Steps.class)
    @ColumnTransformer(read = "cast(steps as text)", write = "cast(cast(? as text) as jsonb)")
    public List<StepItem> steps;

    @Convert(converter = JsonColumns.Values.class)
    @Column(name = "custom_fields")
    @ColumnTransformer(read = "cast(custom_fields as text)", write = "cast(cast(? as text) as jsonb)")
    public Map<String, Object> customFields;

    @Column(name = "steps_text", nullable = false)
    public String stepsText;

    public int version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public UUID deletedBy;

    public static TestCase create(UUID projectId, int number, String projectKey, UUID createdBy, Instant now) {
        TestCase testCase = new TestCase();
        testCase.id = UUID.randomUUID();
        testCase.projectId = projectId;
        testCase.number = number;
        testCase.key = projectKey + "-" + number;
        testCase.version = 0;
        testCase.createdBy = createdBy;
        testCase.createdAt = now;
        return testCase;
    }

    public CaseContent content() {
        return new CaseContent(title, description, preconditions, type, priority, status, tags, estimateMinutes, suiteId,
                automationKey, steps, customFields);
    }

    /** Takes the content and counts a new version; answers the fields that changed. */
    public List<String> apply(CaseContent content, String stepsText, UUID by, Instant now) {
        List<String> changes = content.changesFrom(version == 0 ? null : content());
        title = content.title();
        description = content.description();
        preconditions = content.preconditions();
        type = content.type();
        priority = content.priority();
        status = content.status();
        tags = content.tags();
        estimateMinutes = content.estimateMinutes();
        suiteId = content.suiteId();
        automationKey = content.automationKey();
        steps = content.steps();
        customFields = content.customFields();
        this.stepsText = stepsText;
        version++;
        updatedBy = by;
        updatedAt = now;
        return changes;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
