package io.testtrack.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens cannot be recalled, so when a user logs out everywhere, resets a password or is
 * deactivated, this notes in Redis the moment before which that user's tokens no longer count.
 * The note lives as long as an access token can, and the gateway checks it on every request.
 */
@ApplicationScoped
public class SessionRevocations {

    public static final String KEY_PREFIX = "tt:tokens-revoked-before:";

    private final ReactiveValueCommands<String, Long> values;
    private final AuthConfig config;

    public SessionRevocations(ReactiveRedisDataSource redis, AuthConfig config) {
        this.values = redis.value(Long.class);
        this.config = config;
    }

    public Uni<Void> revokeTokensIssuedBefore(UUID userId, Instant moment) {
        return values.set(KEY_PREFIX + userId, moment.getEpochSecond(),
                new SetArgs().ex(config.accessTokenLifetime().plusMinutes(1)));
    }
}
