package io.testtrack.execution.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.execution.domain.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StepResultRepository implements PanacheRepositoryBase<StepResult, StepResult.Key> {

    public Uni<List<StepResult>> of(UUID executionId) {
        return list("executionId = ?1 order by stepIndex", executionId);
    }
}
