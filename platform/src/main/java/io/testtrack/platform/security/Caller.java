package io.testtrack.platform.security;

import io.testtrack.platform.error.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Principal} of the current HTTP request, read from its access token once. Resources
 * inject this instead of the token; services take the {@link Principal} value, never this bean,
 * because work that outlives the request (a consumer, a continuation on another thread, a
 * WebSocket message) has no request scope to resolve it in.
 *
 * <p>A missing or malformed token fails every call with the same 401 as {@link Principal#of}.
 * Inject it into secured endpoints only ({@code @Authenticated} or {@code @RolesAllowed}):
 * authentication is lazy, so elsewhere the token is not yet resolved when a reactive method runs.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;
    private Principal principal;

    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Principal principal() {
        if (principal == null) {
            principal = Principal.of(jwt);
        }
        return principal;
    }

    /** Who a change is recorded against: the user, or the API token a CI pipeline used. */
    public UUID actorId() {
        return principal().actorId();
    }

    /**
     * The signed-in user, for routes that belong to a person; an API token gets 403 with
     * {@code refusal} as the detail.
     */
    public Principal.User user(String refusal) {
        if (principal() instanceof Principal.User user) {
            return user;
        }
        throw new AccessDeniedException(refusal);
    }
}
