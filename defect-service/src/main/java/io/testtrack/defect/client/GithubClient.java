package io.testtrack.defect.client;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to GitHub, each with a time limit, a few retries of a failed call, and a circuit breaker
 * that stops calling a GitHub that keeps failing; what still fails is a 502 problem for the client.
 */
@ApplicationScoped
public class GithubClient {

    private final GithubApi api;

    public GithubClient(@RestClient GithubApi api) {
        this.api = api;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<GithubApi.Issue> createIssue(String repository, String token, GithubApi.NewIssue issue) {
        String[] ownerAndName = repository.split("/", 2);
        return api.createIssue(ownerAndName[0], ownerAndName[1], "Bearer " + token, "application/vnd.github+json", issue);
    }

    /** GitHub did not take the call (it failed, timed out, or the breaker is open). */
    public static final class Unavailable extends DomainException {
        public Unavailable(String detail) {
            super(502, "bad-gateway", "Bad gateway", detail);
        }
    }
}
