package io.testtrack.defect.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Defect;
import io.testtrack.defect.repository.DefectRepository;
import io.testtrack.events.ProjectRole;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.MembershipLookup;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Finds a defect for a caller: one in a project outside theirs is the same 404 as one that does not exist. */
@ApplicationScoped
public class DefectAccess {

    public static final String NOT_FOUND = "No such defect.";

    /** A defect and the caller's role in its project (LEAD for an admin). */
    public record Found(Defect defect, ProjectRole role) {
    }

    private final DefectRepository defects;
    private final ProjectAccess access;
    private final MembershipLookup memberships;

    public DefectAccess(DefectRepository defects, ProjectAccess access, MembershipLookup memberships) {
        this.defects = defects;
        this.access = access;
        this.memberships = memberships;
    }

    /** Inside a session; {@code lock} locks the row for the caller's transaction. */
    public Uni<Found> find(Principal principal, UUID id, Permission permission, boolean lock) {
        return (lock ? defects.lock(id) : defects.findById(id)).chain(d -> {
            if (d == null) {
                return Uni.createFrom().failure(new ResourceNotFoundException(NOT_FOUND));
            }
            return access.require(principal, d.projectId, permission)
                    .onFailure(ResourceNotFoundException.class).transform(e -> new ResourceNotFoundException(NOT_FOUND))
                    .map(role -> new Found(d, role));
        });
    }

    /** An assignee must be able to fix defects in the project: a DEVELOPER or a LEAD. */
    public Uni<Void> requireAssignable(UUID projectId, UUID userId, String field) {
        return memberships.roleOf(projectId, userId).invoke(role -> {
            if (role.isEmpty() || !Permission.FIX_DEFECTS.grantedTo(role.get())) {
                throw new InvalidFieldsException(field, "is not a developer or lead of this project");
            }
        }).replaceWithVoid();
    }

    public Uni<Void> requireMember(UUID projectId, UUID userId, String field) {
        return memberships.roleOf(projectId, userId).invoke(role -> {
            if (role.isEmpty()) {
                throw new InvalidFieldsException(field, "is not a member of this project");
            }
        }).replaceWithVoid();
    }
}
