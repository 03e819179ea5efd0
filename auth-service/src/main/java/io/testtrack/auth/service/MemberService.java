package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.domain.Member;
import io.testtrack.auth.domain.ProjectMember;
import io.testtrack.auth.domain.User;
import io.testtrack.auth.repository.ProjectMemberRepository;
import io.testtrack.auth.repository.UserRepository;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.MemberRemoved;
import io.testtrack.events.access.MemberRoleChanged;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Project members: any member reads the list; LEADs (and admins) add, change and remove. A project keeps a LEAD. */
@ApplicationScoped
public class MemberService {

    private final ProjectMemberRepository members;
    private final UserRepository users;
    private final ProjectAccess access;
    private final AuditLog audit;
    private final Outbox outbox;

    public MemberService(ProjectMemberRepository members, UserRepository users, ProjectAccess access, AuditLog audit,
            Outbox outbox) {
        this.members = members;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
    }

    public Uni<List<Member>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ)
                .chain(() -> Panache.withSession(() -> members.ofProject(projectId).chain(list -> users
                        .list("id in ?1", list.stream().map(m -> m.id.userId()).toList())
                        .map(found -> {
                            Map<UUID, User> byId = found.stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
                            return list.stream().map(m -> view(m, byId.get(m.id.userId()))).toList();
                        }))));
    }

    public Uni<Member> add(Principal principal, UUID projectId, String email, ProjectRole role, Caller caller) {
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> Panache.withTransaction(() -> users.findByEmail(email).chain(user -> {
                    if (user == null || !user.active) {
                        return Uni.createFrom().failure(new ResourceNotFoundException("No active user has that e-mail address."));
                    }
                    return members.find(projectId, user.id).chain(existing -> {
                        if (existing != null) {
                            return Uni.createFrom().failure(new ConflictException(user.email + " is already a member."));
                        }
                        ProjectMember member = ProjectMember.of(projectId, user.id, role, caller.userId(), Instant.now());
                        return members.persist(member)
                                .chain(() -> outbox.record(new MemberAdded(projectId, user.id, role, caller.userId())))
                                .chain(() -> audit.record(caller, AuditAction.MEMBER_ADDED, "project", projectId,
                                        user.email + " as " + role))
                                .replaceWith(view(member, user));
                    });
                })));
    }

    public Uni<Member> changeRole(Principal principal, UUID projectId, UUID userId, ProjectRole role, Caller caller) {
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> Panache.withTransaction(() -> existing(projectId, userId).chain(member -> {
                    ProjectRole previous = member.role;
                    if (previous == role) {
                        return users.findById(userId).map(user -> view(member, user));
                    }
                    return keepALead(projectId, previous, role)
                            .invoke(() -> member.role = role)
                            .chain(() -> outbox.record(new MemberRoleChanged(projectId, userId, previous, role, caller.userId())))
                            .chain(() -> audit.record(caller, AuditAction.MEMBER_ROLE_CHANGED, "project", projectId,
                                    userId + ": " + previous + " -> " + role))
                            .chain(() -> users.findById(userId))
                            .map(user -> view(member, user));
                })));
    }

    public Uni<Void> remove(Principal principal, UUID projectId, UUID userId, Caller caller) {
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> Panache.withTransaction(() -> existing(projectId, userId).chain(member ->
                        keepALead(projectId, member.role, null)
                                .chain(() -> members.delete(member))
                                .chain(() -> outbox.record(new MemberRemoved(projectId, userId, caller.userId())))
                                .chain(() -> audit.record(caller, AuditAction.MEMBER_REMOVED, "project", projectId,
                                        userId.toString())))));
    }

    private Uni<ProjectMember> existing(UUID projectId, UUID userId) {
        return members.find(projectId, userId)
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("That user is not a member of the project."));
    }

    /** Refuses to take the LEAD role from the project's last LEAD. */
    private Uni<Void> keepALead(UUID projectId, ProjectRole from, ProjectRole to) {
        if (from != ProjectRole.LEAD || to == ProjectRole.LEAD) {
            return Uni.createFrom().voidItem();
        }
        return members.countLeads(projectId).invoke(leads -> {
            if (leads <= 1) {
                throw new ConflictException("A project needs at least one LEAD; make someone else LEAD first.");
            }
        }).replaceWithVoid();
    }

    private static Member view(ProjectMember member, User user) {
        return new Member(member.id.userId(), user == null ? null : user.email, user == null ? null : user.name, member.role,
                member.addedAt);
    }
}
