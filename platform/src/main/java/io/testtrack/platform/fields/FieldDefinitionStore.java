package io.testtrack.platform.fields;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** A service's repository of its field definitions. */
public interface FieldDefinitionStore<F extends FieldDefinitionEntity> extends PanacheRepositoryBase<F, UUID> {

    /** The project's definitions in the order its forms show them. */
    default Uni<List<F>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by position, name", projectId);
    }
}
