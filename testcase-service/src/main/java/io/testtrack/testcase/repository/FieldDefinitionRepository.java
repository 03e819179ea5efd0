package io.testtrack.testcase.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.testcase.domain.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FieldDefinitionRepository implements PanacheRepositoryBase<FieldDefinition, UUID> {

    public Uni<List<FieldDefinition>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by position, name", projectId);
    }
}
