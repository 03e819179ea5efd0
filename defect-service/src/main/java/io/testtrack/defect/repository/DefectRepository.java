package io.testtrack.defect.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Defect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class DefectRepository implements PanacheRepositoryBase<Defect, UUID> {

    /** The defect, locked for the caller's transaction: moves and edits of one defect never interleave. */
    public Uni<Defect> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Defect> lockByRetest(UUID executionId) {
        return find("retestExecutionId", executionId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
