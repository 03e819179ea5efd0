package io.testtrack.execution.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.execution.domain.Execution;
import io.testtrack.execution.domain.StatusRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExecutionRepository implements PanacheRepositoryBase<Execution, UUID> {

    public Uni<Execution> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Execution>> ofRunWithStatus(UUID runId, List<ExecutionStatus> statuses) {
        return list("runId = ?1 and status in ?2 order by position", runId, statuses);
    }

    public Uni<Boolean> anyOpen(UUID runId) {
        return count("runId = ?1 and status in ?2", runId, List.copyOf(StatusRules.OPEN)).map(n -> n > 0);
    }
}
