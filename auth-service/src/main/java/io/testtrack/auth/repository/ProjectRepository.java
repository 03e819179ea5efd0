package io.testtrack.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.Project;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Uni<Boolean> keyTaken(String key) {
        return count("upper(key) = upper(?1)", key).map(n -> n > 0);
    }

    public Uni<List<Project>> visibleTo(UUID userId, boolean includeArchived) {
        String archived = includeArchived ? "" : " and p.archived = false";
        return find("select p from Project p where p.id in (select m.id.projectId from ProjectMember m where m.id.userId = ?1)"
                + archived + " order by p.key", userId).list();
    }

    public Uni<List<Project>> all(boolean includeArchived) {
        return includeArchived ? find("order by key").list() : find("archived = false order by key").list();
    }
}
