package io.testtrack.gateway.security;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.testtrack.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

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
                .expireAfterWrite(limits.revocationRecheck())
                .maximumSize(100_000)
                .buildAsync((userId, executor) -> values.get(REVOKED_PREFIX + userId)
                        .map(moment -> moment == null ? NONE : moment)
                        .subscribeAsCompletionStage());
    }

    /** The outcome: how many requests this window has seen, and the revocation moment (epoch s, -1 if none). */
    public record Verdict(long principalHits, long addressHits, long revokedBefore, long secondsLeftInWindow) {
    }

    /**
     * @param principal user id or API token id, or null for an anonymous request
     * @param address   the client address
     * @param scope     "api" or "auth" (stricter)
     * @param userId    the user whose revocation to read, or null
     */
    public Uni<Verdict> admit(String principal, String address, String scope, String userId) {
        long window = limits.window().toSeconds();
        long now = System.currentTimeMillis() / 1000;
        long index = now / window;
        long windowEnds = (index + 1) * window;
        long principalHits = principal == null ? 0
                : counters.hit("tt:gw:rl:" + scope + ":p:" + principal + ":" + index, windowEnds);
        long addressHits = counters.hit("tt:gw:rl:" + scope + ":a:" + address + ":" + index, windowEnds);
        long left = windowEnds - now;
        if (userId == null) {
            return Uni.createFrom().item(new Verdict(principalHits, addressHits, NONE, left));
        }
        return Uni.createFrom().completionStage(revocations.get(userId))
                .map(revokedBefore -> new Verdict(principalHits, addressHits, revokedBefore, left));
    }

    public long principalLimit() {
        return limits.perPrincipal();
    }

    public long addressLimit(String scope) {
        return "auth".equals(scope) ? limits.authPerAddress() : limits.perAddress();
    }
}
