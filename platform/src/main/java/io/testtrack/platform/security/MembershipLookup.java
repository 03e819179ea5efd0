package io.testtrack.platform.security;

import io.smallrye.mutiny.Uni;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.ProjectRole;
import java.util.Optional;
import java.util.UUID;

/** Where a service learns who belongs to which project: its own projection, or auth-service's tables. */
public interface MembershipLookup {

    /** The member's role, or empty when the user is not a member (or the project does not exist). */
    Uni<Optional<ProjectRole>> roleOf(UUID projectId, UUID userId);

    Uni<Boolean> projectExists(UUID projectId);

    /** Whether the user may act at all (an unknown or deactivated user may not). */
    Uni<Boolean> userActive(UUID userId);

    /**
     * The user's global role now, empty when this service has not heard of the user. A token names
     * the role the user had when it was issued; this is what the user is since (a demotion).
     */
    default Uni<Optional<GlobalRole>> globalRole(UUID userId) {
        return Uni.createFrom().item(Optional.empty());
    }

    /** All a project check needs to know of a user and a project; {@code role} is null for a non-member. */
    record Standing(boolean userActive, boolean projectExists, ProjectRole role) {
    }

    /** The three answers at once; a lookup that can ask them in one query overrides this. */
    default Uni<Standing> standing(UUID projectId, UUID userId) {
        return userActive(userId).chain(active -> projectExists(projectId).chain(exists -> roleOf(projectId, userId)
                .map(role -> new Standing(active, exists, role.orElse(null)))));
    }
}
