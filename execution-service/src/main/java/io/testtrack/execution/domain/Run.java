package io.testtrack.execution.domain;

import io.testtrack.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.testtrack.events.execution.RunSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A test run: PLANNED, IN_PROGRESS once a result is recorded, COMPLETED when nothing is open or by hand. */
@Entity
@Table(name = "runs")
public class Run {

    public enum Status {
        PLANNED, IN_PROGRESS, COMPLETED
    }

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    public String description;

    public String environment;

    @Column(name = "build_version")
    public String buildVersion;

    public String milestone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RunSource origin;

    @Column(name = "source_run_id", updatable = false)
    public UUID sourceRunId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Convert(converter = JsonColumn.Strings.class)
    @ColumnTransformer(read = "cast(configurations as text)", write = "cast(cast(? as text) as jsonb)")
    public List<String> configurations;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public long version;
}
