package io.testtrack.platform.security;

import io.testtrack.events.GlobalRole;
import io.testtrack.events.ProjectRole;
import io.testtrack.platform.error.AuthenticationRequiredException;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a verified access token speaks for: a user with a global role, or a project's API token
 * (exchanged by the gateway for a short-lived token that carries the project and the role).
 */
public sealed interface Principal {

    String API_TOKEN_GROUP = "API_TOKEN";
    String PROJECT_CLAIM = "tt_project";
    String ROLE_CLAIM = "tt_role";
    String API_TOKEN_SUBJECT_PREFIX = "api-token:";

    /** Who a change is recorded against: the user, or the API token a CI pipeline used. */
    UUID actorId();

    record User(UUID userId, String email, GlobalRole role) implements Principal {
        public boolean isAdmin() {
            return role == GlobalRole.ADMIN;
        }

        @Override
        public UUID actorId() {
            return userId;
        }
    }

    record ApiToken(UUID tokenId, UUID projectId, ProjectRole role) implements Principal {
        @Override
        public UUID actorId() {
            return tokenId;
        }
    }

    static Principal of(JsonWebToken jwt) {
        if (jwt == null || jwt.getSubject() == null) {
            throw new AuthenticationRequiredException("A valid access token is required.");
        }
        Set<String> groups = jwt.getGroups();
        try {
            if (groups.contains(API_TOKEN_GROUP)) {
                return new ApiToken(UUID.fromString(jwt.getSubject().substring(API_TOKEN_SUBJECT_PREFIX.length())),
                        UUID.fromString(jwt.getClaim(PROJECT_CLAIM).toString()),
                        ProjectRole.valueOf(jwt.getClaim(ROLE_CLAIM).toString()));
            }
            GlobalRole role = groups.stream().map(GlobalRole::valueOf).findFirst()
                    .orElseThrow(() -> new AuthenticationRequiredException("The access token names no role."));
            return new User(UUID.fromString(jwt.getSubject()), jwt.getName(), role);
        } catch (IllegalArgumentException | NullPointerException | StringIndexOutOfBoundsException e) {
            throw new AuthenticationRequiredException("The access token is malformed.");
        }
    }
}
