package io.testtrack.platform.security;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Read-your-writes for the membership projection. The projection learns of a new project, member
 * or user from auth-service's events some milliseconds after auth-service answered the request
 * that made it; a client that uses the project at once would meet a 404 in that gap. On a miss,
 * and only on a miss, the answer is asked of auth-service itself. A real outsider costs one
 * internal call more (a few milliseconds), a member already projected costs nothing.
 *
 * <p>The call has a short deadline and a circuit breaker: when auth-service is slow or away, the
 * projection's answer stands (the 404 a projection alone would give), and nothing waits.
 */
@ApplicationScoped
public class AuthReadThrough {

    private final AuthStandingClient client;
    private final Optional<String> secret;
    private final boolean enabled;

    public AuthReadThrough(@RestClient AuthStandingClient client, PlatformConfig config) {
        this.client = client;
        this.secret = config.internalSecret();
        this.enabled = config.accessProjection().readThrough() && secret.isPresent();
        if (config.accessProjection().readThrough() && secret.isEmpty()) {
            Log.warn("testtrack.internal-secret is not set: a project or member created a moment ago may be a 404 "
                    + "until this service's projection has its event");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** auth-service's standing of the user ({@code null} for an API token: only whether the project exists), or empty. */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unknown")
    public Uni<Optional<MembershipLookup.Standing>> standing(UUID projectId, UUID userId) {
        if (!enabled) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.standing(secret.get(), projectId, userId).map(Optional::of);
    }

    /** auth-service's key and state of a project (empty: no such project, or no answer in time). */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "noProject")
    public Uni<Optional<ProjectedProjects.Project>> project(UUID projectId) {
        if (!enabled) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.project(secret.get(), projectId).map(Optional::of)
                .onFailure(jakarta.ws.rs.WebApplicationException.class).recoverWithItem(failure -> {
                    if (((jakarta.ws.rs.WebApplicationException) failure).getResponse().getStatus() == 404) {
                        return Optional.empty();
                    }
                    throw (jakarta.ws.rs.WebApplicationException) failure;
                });
    }

    Uni<Optional<ProjectedProjects.Project>> noProject(UUID projectId, Throwable failure) {
        Log.warnf("auth-service did not answer for project %s (%s); the projection's answer stands", projectId, failure.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    Uni<Optional<MembershipLookup.Standing>> unknown(UUID projectId, UUID userId, Throwable failure) {
        Log.warnf("auth-service did not answer a membership check (%s); the projection's answer stands", failure.toString());
        return Uni.createFrom().item(Optional.empty());
    }
}
