package io.testtrack.notification.api;

import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Notifications and chat belong to people: a CI pipeline's API token has neither. */
final class Callers {

    private Callers() {
    }

    static Principal.User user(JsonWebToken jwt) {
        if (Principal.of(jwt) instanceof Principal.User user) {
            return user;
        }
        throw new AccessDeniedException("API tokens have no notifications or chat; sign in as a user.");
    }
}
