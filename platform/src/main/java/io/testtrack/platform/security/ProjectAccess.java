package io.testtrack.platform.security;

import io.smallrye.mutiny.Uni;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.ProjectRole;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.AuthenticationRequiredException;
import io.testtrack.platform.error.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The one check every project-scoped operation makes. Outside a project a caller learns nothing
 * of it: 404, never 403. Inside, a role without the permission gets 403.
 */
@ApplicationScoped
public class ProjectAccess {

    private final MembershipLookup memberships;

    public ProjectAccess(MembershipLookup memberships) {
        this.memberships = memberships;
    }

    /** Answers the caller's effective role in the project (LEAD for an admin) or fails. */
    public Uni<ProjectRole> require(Principal principal, UUID projectId, Permission permission) {
        return roleIn(principal, projectId).invoke(role -> {
            if (!permission.grantedTo(role)) {
                throw new AccessDeniedException("Your role in this project (" + role + ") does not allow this.");
            }
        });
    }

    /**
     * A resource of some project, for this caller: one that does not exist and one in a project
     * outside the caller's are the same 404 ({@code notFound}); answers the resource.
     */
    public <T> Uni<T> requireOn(Principal principal, T resource, java.util.function.Function<T, UUID> projectOf,
            Permission permission, String notFound) {
        if (resource == null) {
            return Uni.createFrom().failure(new ResourceNotFoundException(notFound));
        }
        return require(principal, projectOf.apply(resource), permission)
                .onFailure(ResourceNotFoundException.class).transform(e -> new ResourceNotFoundException(notFound))
                .replaceWith(resource);
    }

    private Uni<ProjectRole> roleIn(Principal principal, UUID projectId) {
        if (principal instanceof Principal.ApiToken token) {
            return token.projectId().equals(projectId)
                    ? memberships.projectExists(projectId).map(exists -> orNotFound(exists, token.role()))
                    : Uni.createFrom().failure(notFound());
        }
        Principal.User user = (Principal.User) principal;
        if (user.isAdmin()) {
            // an admin needs no membership: asking for one would send every miss on to auth-service
            return memberships.userActive(user.userId()).chain(active -> {
                if (!active) {
                    throw deactivated();
                }
                return isAdmin(user);
            }).chain(admin -> admin
                    ? memberships.projectExists(projectId).map(exists -> orNotFound(exists, ProjectRole.LEAD))
                    : asMember(user, projectId));
        }
        return asMember(user, projectId);
    }

    /**
     * Whether a user is an admin now: the token says so and nothing this service has heard since
     * says otherwise. A token issued to an admin since demoted still says ADMIN.
     */
    public Uni<Boolean> isAdmin(Principal.User user) {
        if (!user.isAdmin()) {
            return Uni.createFrom().item(false);
        }
        return memberships.globalRole(user.userId()).map(now -> now.map(role -> role == GlobalRole.ADMIN).orElse(true));
    }

    private Uni<ProjectRole> asMember(Principal.User user, UUID projectId) {
        return memberships.standing(projectId, user.userId()).map(standing -> {
            if (!standing.userActive()) {
                throw deactivated();
            }
            if (standing.role() == null) {
                throw notFound();
            }
            return standing.role();
        });
    }

    private static ProjectRole orNotFound(boolean exists, ProjectRole role) {
        if (!exists) {
            throw notFound();
        }
        return role;
    }

    private static AuthenticationRequiredException deactivated() {
        return new AuthenticationRequiredException("This account is deactivated.");
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("No such project.");
    }
}
