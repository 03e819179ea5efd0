package io.testtrack.execution.domain;

import io.testtrack.events.execution.StepStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The result of one step of one execution, with who recorded it and when. */
@Entity
@Table(name = "step_results")
@IdClass(StepResult.Key.class)
public class StepResult {

    public record Key(UUID executionId, int stepIndex) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "execution_id")
    public UUID executionId;

    @Id
    @Column(name = "step_index")
    public int stepIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StepStatus status;

    @Column(name = "actual_result")
    public String actualResult;

    public String comment;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
