package io.testtrack.gateway.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.testtrack.gateway.config.GatewayConfig;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * One Redis round trip per request: counts it against the caller's and the address's rate
 * windows (fixed windows, INCR with expiry) and reads the moment before which the user's access
 * tokens were revoked (logout everywhere, password reset, deactivation).
 */
@ApplicationScoped
public class Admission {

    private static final String SCRIPT = """
            local function hit(key, ttl)
              if key == '' then return 0 end
              local n = redis.call('INCR', key)
              if n == 1 then redis.call('EXPIRE', key, ttl) end
              return n
            end
            local revoked = -1
            if KEYS[3] ~= '' then revoked = tonumber(redis.call('GET', KEYS[3]) or '-1') end
            return { hit(KEYS[1], ARGV[1]), hit(KEYS[2], ARGV[1]), revoked }
            """;
    /** Redis keeps scripts by their SHA-1; EVALSHA saves sending the script on every request. */
    private static final String SCRIPT_SHA = DigestUtils.sha1Hex(SCRIPT);

    /** Written by auth-service (SessionRevocations). */
    public static final String REVOKED_PREFIX = "tt:tokens-revoked-before:";

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.RateLimit limits;

    public Admission(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.limits = config.rateLimit();
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
        long now = Instant.now().getEpochSecond();
        long index = now / window;
        String principalKey = principal == null ? "" : "tt:gw:rl:" + scope + ":p:" + principal + ":" + index;
        String addressKey = "tt:gw:rl:" + scope + ":a:" + address + ":" + index;
        String revokedKey = userId == null ? "" : REVOKED_PREFIX + userId;
        return redis.execute("EVALSHA", SCRIPT_SHA, "3", principalKey, addressKey, revokedKey, Long.toString(window + 1))
                .onFailure(failure -> failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT"))
                .recoverWithUni(() -> redis.execute("EVAL", SCRIPT, "3", principalKey, addressKey, revokedKey,
                        Long.toString(window + 1)))
                .map(response -> verdict(response, window - now % window));
    }

    public long principalLimit() {
        return limits.perPrincipal();
    }

    public long addressLimit(String scope) {
        return "auth".equals(scope) ? limits.authPerAddress() : limits.perAddress();
    }

    private static Verdict verdict(Response response, long left) {
        return new Verdict(response.get(0).toLong(), response.get(1).toLong(), response.get(2).toLong(), left);
    }
}
