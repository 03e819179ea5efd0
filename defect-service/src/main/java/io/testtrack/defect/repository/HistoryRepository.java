package io.testtrack.defect.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.HistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public Uni<List<HistoryEntry>> of(UUID defectId) {
        return list("defectId = ?1 order by id", defectId);
    }
}
