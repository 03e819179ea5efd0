package io.testtrack.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Access tokens cannot be recalled, so when a user's sessions end (logout everywhere, a password
 * reset or change, deactivation, a global role change) the user's session generation goes up and
 * this announces it in Redis; the gateway refuses every token issued in an earlier generation.
 * The note lives longer than an access token can, and never goes down: of two announcements
 * racing, the higher generation stays.
 */
@ApplicationScoped
public class SessionRevocations {

    public static final String KEY_PREFIX = "tt:session-generation:";

    private static final String RAISE = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            local next = math.max(current, tonumber(ARGV[1]))
            redis.call('SET', KEYS[1], next, 'EX', ARGV[2])
            return next
            """;

    private final ReactiveRedisDataSource redis;
    private final AuthConfig config;

    public SessionRevocations(ReactiveRedisDataSource redis, AuthConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Tokens of the user issued in a generation below {@code generation} stop at the gateway. */
    public Uni<Void> announce(UUID userId, long generation) {
        long ttl = config.accessTokenLifetime().plusMinutes(2).toSeconds();
        return redis.execute("EVAL", RAISE, "1", KEY_PREFIX + userId, Long.toString(generation), Long.toString(ttl))
                .replaceWithVoid();
    }
}
