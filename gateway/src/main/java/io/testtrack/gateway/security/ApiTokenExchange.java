package io.testtrack.gateway.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.testtrack.gateway.client.AuthTokenClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Turns {@code Bearer tt_…} into a short-lived access token, remembered in Redis for at most
 * 30 s under a hash of the secret: a revoked API token stops working within 30 s.
 */
@ApplicationScoped
public class ApiTokenExchange {

    public static final String PREFIX = "tt_";
    static final Duration MAX_CACHE = Duration.ofSeconds(30);
    private static final String KEY = "tt:gw:api-token:";

    private final AuthTokenClient auth;
    private final ReactiveValueCommands<String, String> cache;

    public ApiTokenExchange(AuthTokenClient auth, ReactiveRedisDataSource redis) {
        this.auth = auth;
        this.cache = redis.value(String.class);
    }

    public Uni<String> accessTokenFor(String apiToken) {
        String key = KEY + DigestUtils.sha256Hex(apiToken);
        return cache.get(key).chain(cached -> cached != null ? Uni.createFrom().item(cached)
                : auth.exchange(apiToken).call(exchanged -> cache.set(key, exchanged.accessToken(),
                        new SetArgs().ex(Duration.ofSeconds(Math.max(1, Math.min(MAX_CACHE.toSeconds(), exchanged.expiresIn() - 5))))))
                        .map(exchanged -> exchanged.accessToken()));
    }
}
