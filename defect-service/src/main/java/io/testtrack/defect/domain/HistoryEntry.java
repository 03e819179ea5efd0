package io.testtrack.defect.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One changed field of a defect: who (or, for a move the platform made, which execution), when, from, to. */
@Entity
@Table(name = "defect_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "defect_id", nullable = false, updatable = false)
    public UUID defectId;

    @Column(name = "actor_id", updatable = false)
    public UUID actorId;

    @Column(name = "cause_execution_id", updatable = false)
    public UUID causeExecutionId;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String field;

    @Column(name = "old_value", updatable = false)
    public String oldValue;

    @Column(name = "new_value", updatable = false)
    public String newValue;

    public static HistoryEntry of(UUID defectId, UUID actorId, UUID causeExecutionId, Instant at, String field, Object from, Object to) {
        HistoryEntry entry = new HistoryEntry();
        entry.defectId = defectId;
        entry.actorId = actorId;
        entry.causeExecutionId = causeExecutionId;
        entry.at = at;
        entry.field = field;
        entry.oldValue = from == null ? null : String.valueOf(from);
        entry.newValue = to == null ? null : String.valueOf(to);
        return entry;
    }
}
