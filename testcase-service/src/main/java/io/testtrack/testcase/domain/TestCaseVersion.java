package io.testtrack.testcase.domain;

import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One version of a case: its content and expanded steps then, who made it, which fields changed. */
@Entity
@Table(name = "test_case_versions")
@IdClass(TestCaseVersion.Key.class)
public class TestCaseVersion {

    public record Key(UUID testCaseId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "test_case_id")
    public UUID testCaseId;

    @Id
    public int version;

    @Convert(converter = JsonColumns.Content.class)
    @ColumnTransformer(read = "cast(content as text)", write = "cast(cast(? as text) as jsonb)")
    public CaseContent content;

    @Convert(converter = JsonColumns.FlatSteps.class)
    @ColumnTransformer(read = "cast(steps as text)", write = "cast(cast(? as text) as jsonb)")
    public List<TestCaseSnapshot.Step> steps;

    @Convert(converter = JsonColumn.Strings.class)
    @ColumnTransformer(read = "cast(changes as text)", write = "cast(cast(? as text) as jsonb)")
    public List<String> changes;

    @Column(nullable = false)
    public String summary;

    @Column(name = "changed_by")
    public UUID changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static TestCaseVersion of(TestCase testCase, List<TestCaseSnapshot.Step> expanded, List<String> changes, String summary) {
        TestCaseVersion v = new TestCaseVersion();
        v.testCaseId = testCase.id;
        v.version = testCase.version;
        v.content = testCase.content();
        v.steps = expanded;
        v.changes = changes;
        v.summary = summary;
        v.changedBy = testCase.updatedBy;
        v.changedAt = testCase.updatedAt;
        return v;
    }
}
