package io.testtrack.execution.domain;

import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.testcase.TestCaseSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One case (in one configuration) in a run, with the case as it was when the run was created:
 * its title, steps and version. An imported one also has its JUnit outcome and attempts.
 */
@Entity
@Table(name = "executions")
public class Execution {

    @Id
    public UUID id;

    @Column(name = "run_id", nullable = false, updatable = false)
    public UUID runId;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    public int position;

    @Column(name = "test_case_id")
    public UUID testCaseId;

    @Column(name = "case_key")
    public String caseKey;

    @Column(name = "case_version")
    public Integer caseVersion;

    @Column(name = "automation_key")
    public String automationKey;

    @Column(nullable = false)
    public String title;

    @Convert(converter = JsonText.Steps.class)
    @ColumnTransformer(read = "cast(steps as text)", write = "cast(cast(? as text) as jsonb)")
    public List<TestCaseSnapshot.Step> steps;

    public String configuration;

    public UUID assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExecutionStatus status;

    /** The status was set as a whole rather than derived from the steps. */
    @Column(name = "status_set")
    public boolean statusSet;

    public String outcome;

    public int attempts;

    public boolean flaky;

    @Column(name = "duration_ms")
    public Long durationMs;

    public String message;

    public String details;

    @Column(name = "system_out")
    public String systemOut;

    @Column(name = "system_err")
    public String systemErr;

    @Column(name = "time_spent_ms")
    public long timeSpentMs;

    @Column(name = "timer_started_at")
    public Instant timerStartedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public int version;
}
