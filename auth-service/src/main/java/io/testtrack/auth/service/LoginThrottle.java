package io.testtrack.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.Secrets;
import io.testtrack.platform.error.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * Failed-login counters per account and per client address in Redis. Once an account (or an
 * address) has too many failures in the window, logins answer 429 for a delay that doubles with
 * each further failure, capped at the window. Counters expire with the window: nothing is locked
 * for good, so an attacker cannot lock a user out permanently.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final String PREFIX = "tt:login:";

    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveValueCommands<String, String> locks;
    private final ReactiveKeyCommands<String> keys;
    private final AuthConfig.Throttle config;

    public LoginThrottle(ReactiveRedisDataSource redis, AuthConfig config) {
        this.counters = redis.value(Long.class);
        this.locks = redis.value(String.class);
        this.keys = redis.key();
        this.config = config.throttle();
    }

    /** Fails with 429 while the account or the address is held back. */
    public Uni<Void> checkAllowed(String email, String ip) {
        return remaining(lockKey("acct", account(email)))
                .chain(account -> remaining(lockKey("ip", ip)).map(address -> Math.max(account, address)))
                .invoke(waitMillis -> {
                    if (waitMillis > 0) {
                        throw new TooManyRequestsException("Too many failed logins; try again later.",
                                Duration.ofMillis(waitMillis));
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> recordFailure(String email, String ip) {
        return count("acct", account(email), config.accountFailures())
                .chain(() -> count("ip", ip, config.ipFailures()));
    }

    /** A successful login clears the account's failures (not the address's). */
    public Uni<Void> recordSuccess(String email) {
        String account = account(email);
        return keys.del(countKey("acct", account), lockKey("acct", account)).replaceWithVoid();
    }

    private Uni<Void> count(String kind, String subject, int threshold) {
        String key = countKey(kind, subject);
        return counters.incr(key)
                .call(n -> n == 1 ? keys.expire(key, config.window()) : Uni.createFrom().voidItem())
                .chain(n -> n < threshold ? Uni.createFrom().voidItem()
                        : locks.set(lockKey(kind, subject), "1", new SetArgs().px(delay(n - threshold))));
    }

    private Duration delay(long failuresOverThreshold) {
        long factor = 1L << Math.min(20, failuresOverThreshold);
        Duration delay = config.firstDelay().multipliedBy(factor);
        return delay.compareTo(config.window()) > 0 ? config.window() : delay;
    }

    private Uni<Long> remaining(String key) {
        return keys.pttl(key).map(ttl -> Math.max(0, ttl))
                .onFailure(RedisKeyNotFoundException.class).recoverWithItem(0L);
    }

    private static String account(String email) {
        return Secrets.hash(email.trim().toLowerCase(Locale.ROOT));
    }

    private static String countKey(String kind, String subject) {
        return PREFIX + "failures:" + kind + ":" + subject;
    }

    private static String lockKey(String kind, String subject) {
        return PREFIX + "hold:" + kind + ":" + subject;
    }
}
