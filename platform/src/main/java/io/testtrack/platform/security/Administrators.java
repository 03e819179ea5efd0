package io.testtrack.platform.security;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The check of operations for the global ADMIN only (outside any project): an active user with the ADMIN role. */
@ApplicationScoped
public class Administrators {

    private final MembershipLookup memberships;

    public Administrators(MembershipLookup memberships) {
        this.memberships = memberships;
    }

    public Uni<Principal.User> require(JsonWebToken jwt, String what) {
        Principal principal = Principal.of(jwt);
        if (!(principal instanceof Principal.User user) || !user.isAdmin()) {
            return Uni.createFrom().failure(new AccessDeniedException("Only an administrator may " + what + "."));
        }
        return memberships.userActive(user.userId()).map(active -> {
            if (!active) {
                throw new AccessDeniedException("This account is deactivated.");
            }
            return user;
        });
    }
}
