package io.testtrack.gateway.security;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.testtrack.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/**
 * Whether a request may pass: counts it against the caller's and the address's rate windows
 * (fixed windows, shared by every gateway through {@link RateCounters}) and looks up the moment
 * before which the user's access tokens were revoked (logout everywhere, password reset,
 * deactivation), which auth-service writes to Redis. That moment is read again at most every
 * {@code revocation-recheck}, so most requests cost no Redis call at all.
 */
@ApplicationScoped
public class Admission {

    /** Written by auth-service (SessionRevocations). */
    public static final String REVOKED_PREFIX = "tt:tokens-revoked-before:";
    private static final long NONE = -1;

    private final RateCounters counters;
    private final GatewayConfig.RateLimit limits;
    private final AsyncLoadingCache<String, Long> revocations;

    public Admission(ReactiveRedisDataSource redis, RateCounters counters, GatewayConfig config) {
        this.counters = counters;
        this.limits = config.rateLimit();
        ReactiveValueCommands<String, Long> values = redis.value(Long.class);
        this.revocations = Caffeine.newBuilder()
                .expireAfterWrite(config.revocationRecheck())
                .maximumSize(100_000)
                .buildAsync((userId, executor) -> values.get(REVOKED_PREFIX + userId)
                        .map(moment -> moment == null ? NONE : moment)
                        .subscribeAsCompletionStage());
    }

    /** How many requests this window has seen from the principal and the address, and the seconds it has left. */
    public record Verdict(long principalHits, long addressHits, long secondsLeftInWindow) {
    }

    /**
     * Counts a request.
     *
     * @param principal user id or API token id, or null for an anonymous request
     * @param address   the client address
     * @param scope     "api" or "auth" (stricter)
     */
    public Verdict count(String principal, String address, String scope) {
        long window = limits.window().toSeconds();
        long now = System.currentTimeMillis() / 1000;
        long index = now / window;
        long windowEnds = (index + 1) * window;
        long principalHits = principal == null ? 0
                : counters.hit("tt:gw:rl:" + scope + ":p:" + principal + ":" + index, windowEnds);
        long addressHits = counters.hit("tt:gw:rl:" + scope + ":a:" + address + ":" + index, windowEnds);
        return new Verdict(principalHits, addressHits, windowEnds - now);
    }

    /**
     * The moment (epoch second) before which the user's access tokens no longer count, -1 if
     * none: already complete when read within the last {@code revocation-recheck}.
     */
    public CompletableFuture<Long> revokedBefore(String userId) {
        return revocations.get(userId);
    }

    public long principalLimit() {
        return limits.perPrincipal();
    }

    public long addressLimit(String scope) {
        return "auth".equals(scope) ? limits.authPerAddress() : limits.perAddress();
    }
}
