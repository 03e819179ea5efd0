package io.testtrack.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.ProjectMember;
import io.testtrack.events.ProjectRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectMemberRepository implements PanacheRepositoryBase<ProjectMember, ProjectMember.Key> {

    public Uni<ProjectMember> find(UUID projectId, UUID userId) {
        return findById(new ProjectMember.Key(projectId, userId));
    }

    public Uni<List<ProjectMember>> ofProject(UUID projectId) {
        return find("id.projectId = ?1 order by addedAt", projectId).list();
    }

    public Uni<Long> countLeads(UUID projectId) {
        return count("id.projectId = ?1 and role = ?2", projectId, ProjectRole.LEAD);
    }
}
