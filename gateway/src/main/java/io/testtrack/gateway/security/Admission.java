package io.testtrack.gateway.security;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.testtrack.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether a request may pass: counts it against the caller's and the address's rate windows
 * (fixed windows, shared by every gateway through {@link RateCounters}) and looks up the user's
 * session generation, which auth-service raises in Redis whenever every token issued so far must
 * stop (logout everywhere, a password reset or change, deactivation, a global role change). A
 * token carries the generation it was issued in ({@value #TOKEN_GENERATION}); one from an earlier
 * generation is refused. The generation is read again at most every {@code revocation-recheck},
 * so most requests cost no Redis call at all, and a revocation takes effect within that period.
 */
@ApplicationScoped
public class Admission {

    /** Written by auth-service (SessionRevocations). */
    public static final String GENERATION_PREFIX = "tt:session-generation:";
    /** The claim auth-service puts the session generation in (AccessTokens). */
    public static final String TOKEN_GENERATION = "tt_sg";
    private static final long NONE = 0;

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
                .buildAsync((userId, executor) -> values.get(GENERATION_PREFIX + userId)
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
     * The user's session generation (0 if none was announced): already complete when read within
     * the last {@code revocation-recheck}.
     */
    public CompletableFuture<Long> sessionGeneration(String userId) {
        return revocations.get(userId);
    }

    /** Whether a user's token was issued before the user's current session generation. */
    public static boolean revoked(JsonWebToken jwt, long currentGeneration) {
        Object claim = jwt.getClaim(TOKEN_GENERATION);
        long issuedIn = claim instanceof JsonNumber number ? number.longValue()
                : claim instanceof Number number ? number.longValue() : 0;
        return issuedIn < currentGeneration;
    }

    public long principalLimit() {
        return limits.perPrincipal();
    }

    public long addressLimit(String scope) {
        return "auth".equals(scope) ? limits.authPerAddress() : limits.perAddress();
    }
}
