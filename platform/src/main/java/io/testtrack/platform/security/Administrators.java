package io.testtrack.platform.security;

import io.smallrye.mutiny.Uni;
import io.testtrack.events.GlobalRole;
import io.testtrack.platform.error.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;

/** The check of operations for the global ADMIN only (outside any project): an active user with the ADMIN role. */
@ApplicationScoped
public class Administrators {

    private final MembershipLookup memberships;

    public Administrators(MembershipLookup memberships) {
        this.memberships = memberships;
    }

    public Uni<Principal.User> require(Principal principal, String what) {
        if (!(principal instanceof Principal.User user) || !user.isAdmin()) {
            return Uni.createFrom().failure(new AccessDeniedException("Only an administrator may " + what + "."));
        }
        return memberships.userActive(user.userId()).chain(active -> {
            if (!active) {
                throw new AccessDeniedException("This account is deactivated.");
            }
            // a token issued before a demotion still says ADMIN
            return memberships.globalRole(user.userId());
        }).map(now -> {
            if (now.isPresent() && now.get() != GlobalRole.ADMIN) {
                throw new AccessDeniedException("Only an administrator may " + what + ".");
            }
            return user;
        });
    }
}
