package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.domain.Project;
import io.testtrack.auth.domain.ProjectMember;
import io.testtrack.auth.repository.ProjectMemberRepository;
import io.testtrack.auth.repository.ProjectRepository;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.ProjectArchived;
import io.testtrack.events.access.ProjectCreated;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.platform.security.ProjectedProjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Projects: ADMIN and TESTER create them (the creator becomes LEAD); members read; LEADs change. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ProjectAccess access;
    private final AuditLog audit;
    private final Outbox outbox;

    public ProjectService(ProjectRepository projects, ProjectMemberRepository members, ProjectAccess access, AuditLog audit,
            Outbox outbox) {
        this.projects = projects;
        this.members = members;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
    }

    public record Changes(String name, String description, Boolean archived, Long version) {
    }

    public Uni<Project> create(Principal principal, String key, String name, String description, Caller caller) {
        if (!(principal instanceof Principal.User user) || user.role() == GlobalRole.DEVELOPER) {
            return Uni.createFrom().failure(new AccessDeniedException("Only admins and testers create projects."));
        }
        Instant now = Instant.now();
        Project project = Project.create(key, name, description, user.userId(), now);
        return Panache.withTransaction(() -> projects.keyTaken(key).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(new ConflictException("The project key " + key + " is taken."));
            }
            return projects.persist(project)
                    .chain(() -> members.persist(ProjectMember.of(project.id, user.userId(), ProjectRole.LEAD, user.userId(), now)))
                    .chain(() -> outbox.record(new ProjectCreated(project.id, project.key, project.name, user.userId())))
                    .chain(() -> outbox.record(new MemberAdded(project.id, user.userId(), ProjectRole.LEAD, user.userId())))
                    .chain(() -> audit.record(caller, AuditAction.PROJECT_CREATED, "project", project.id, project.key))
                    .replaceWith(project);
        }));
    }

    public Uni<List<Project>> list(Principal principal, boolean includeArchived) {
        return Panache.withSession(() -> {
            if (principal instanceof Principal.ApiToken token) {
                return projects.findById(token.projectId()).map(p -> p == null ? List.<Project>of() : List.of(p));
            }
            Principal.User user = (Principal.User) principal;
            return access.isAdmin(user).chain(admin -> admin ? projects.all(includeArchived)
                    : projects.visibleTo(user.userId(), includeArchived));
        });
    }

    public Uni<Project> get(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ)
                .chain(() -> Panache.withSession(() -> projects.findById(projectId)));
    }

    /**
     * A project's key and state for another service whose projection has not heard of it yet;
     * the caller proved it is one of ours, so no member check.
     */
    public Uni<ProjectedProjects.Project> projected(UUID projectId) {
        return Panache.withSession(() -> projects.findById(projectId)).map(project -> {
            if (project == null) {
                throw new ResourceNotFoundException("No such project.");
            }
            return new ProjectedProjects.Project(project.id, project.key, project.archived);
        });
    }

    public Uni<Project> update(Principal principal, UUID projectId, Changes changes, Caller caller) {
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> Panache.withTransaction(() -> projects.findById(projectId).chain(project -> {
                    if (changes.version() != null && changes.version() != project.version) {
                        return Uni.createFrom().failure(new ConflictException(
                                "The project changed meanwhile (version " + project.version + "); reload and try again."));
                    }
                    boolean archiving = Boolean.TRUE.equals(changes.archived()) && !project.archived;
                    if (changes.name() != null) {
                        project.name = changes.name().trim();
                    }
                    if (changes.description() != null) {
                        project.description = changes.description();
                    }
                    if (changes.archived() != null) {
                        project.archived = changes.archived();
                    }
                    project.updatedAt = Instant.now();
                    Uni<Void> announce = archiving
                            ? outbox.record(new ProjectArchived(project.id, caller.userId())).replaceWithVoid()
                            : Uni.createFrom().voidItem();
                    return announce
                            .chain(() -> audit.record(caller, archiving ? AuditAction.PROJECT_ARCHIVED : AuditAction.PROJECT_UPDATED,
                                    "project", project.id, null))
                            .chain(() -> projects.flush())
                            .replaceWith(project);
                })));
    }
}
