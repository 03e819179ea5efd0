package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.repository.ProjectMemberRepository;
import io.testtrack.auth.repository.ProjectRepository;
import io.testtrack.auth.repository.UserRepository;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.ProjectRole;
import io.testtrack.platform.security.MembershipLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * auth-service owns the memberships, so it checks access against its own tables rather than
 * against its projection of its own events, which would lag behind its writes.
 */
@ApplicationScoped
public class OwnMemberships implements MembershipLookup {

    private final ProjectMemberRepository members;
    private final ProjectRepository projects;
    private final UserRepository users;

    public OwnMemberships(ProjectMemberRepository members, ProjectRepository projects, UserRepository users) {
        this.members = members;
        this.projects = projects;
        this.users = users;
    }

    @Override
    public Uni<Optional<ProjectRole>> roleOf(UUID projectId, UUID userId) {
        return Panache.withSession(() -> members.find(projectId, userId))
                .map(member -> Optional.ofNullable(member).map(m -> m.role));
    }

    @Override
    public Uni<Boolean> projectExists(UUID projectId) {
        return Panache.withSession(() -> projects.findById(projectId)).map(p -> p != null);
    }

    @Override
    public Uni<Optional<GlobalRole>> globalRole(UUID userId) {
        return Panache.withSession(() -> users.findById(userId)).map(user -> Optional.ofNullable(user).map(u -> u.globalRole));
    }

    @Override
    public Uni<Boolean> userActive(UUID userId) {
        return Panache.withSession(() -> users.findById(userId)).map(user -> user != null && user.active);
    }
}
