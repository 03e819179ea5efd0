package io.testtrack.platform.security;

import io.smallrye.mutiny.Uni;
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
}
