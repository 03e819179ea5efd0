package io.testtrack.testcase.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A named group of steps that cases include by reference; editing it changes (and versions) every such case. */
@Entity
@Table(name = "shared_steps")
public class SharedSteps {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    @Convert(converter = JsonColumns.Steps.class)
    @ColumnTransformer(read = "cast(steps as text)", write = "cast(cast(? as text) as jsonb)")
    public List<StepItem> steps;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public int version;
}
