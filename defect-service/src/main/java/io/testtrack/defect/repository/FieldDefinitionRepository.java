package io.testtrack.defect.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FieldDefinitionRepository implements PanacheRepositoryBase<FieldDefinition, UUID> {

    public Uni<List<FieldDefinition>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by position, name", projectId);
    }

    /** How many of the project's defects hold a value of the field, or one of {@code options} if given; in the caller's transaction. */
    public Uni<Long> defectsHolding(FieldDefinition field, List<String> options) {
        String sql = "SELECT count(*) FROM defects WHERE project_id = :project AND jsonb_exists(custom_fields, :name)"
                + (options == null ? "" : " AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE jsonb_typeof(custom_fields -> :name) "
                        + "WHEN 'array' THEN custom_fields -> :name ELSE jsonb_build_array(custom_fields -> :name) END) o "
                        + "WHERE o = ANY(CAST(:options AS text[])))");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Long.class).setParameter("project", field.projectId).setParameter("name", field.name);
            if (options != null) {
                query.setParameter("options", options.toArray(String[]::new));
            }
            return query.getSingleResult();
        });
    }
}
