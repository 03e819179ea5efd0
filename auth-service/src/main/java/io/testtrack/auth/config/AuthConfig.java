package io.testtrack.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.testtrack.events.GlobalRole;
import java.time.Duration;

@ConfigMapping(prefix = "testtrack.auth")
public interface AuthConfig {

    Duration accessTokenLifetime();

    Duration refreshTokenLifetime();

    /**
     * How long a rotated refresh token still renews the session for the browser that rotated it
     * (same user agent and address): a page reloaded while its renewal was in flight never kept
     * the new cookie. Later, or from elsewhere, a rotated token is a replay.
     */
    @WithDefault("PT10S")
    Duration refreshReuseGrace();

    Hashing hashing();

    /** Where links in mails point: the gateway's public address. */
    String publicUrl();

    boolean cookieSecure();

    String adminEmail();

    String adminPassword();

    /** The global role of a self-registered user; an admin can raise it. */
    @WithDefault("DEVELOPER")
    GlobalRole registrationRole();

    @WithDefault("testtrack-auth")
    String issuer();

    @WithDefault("testtrack-api")
    String audience();

    @WithDefault("P1D")
    Duration verificationLifetime();

    @WithDefault("PT1H")
    Duration resetLifetime();

    @WithDefault("P7D")
    Duration invitationLifetime();

    Throttle throttle();

    /** Argon2id parameters; the defaults are OWASP's minimum (19 MiB, t=2, p=1). */
    interface Hashing {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();

        /** Hashes computed at once; defaults to the number of cores. */
        java.util.Optional<Integer> concurrency();
    }

    interface Throttle {
        /** Failures per account within the window before logins are refused. */
        @WithDefault("5")
        int accountFailures();

        /** Failures per client address within the window; higher, as offices share addresses. */
        @WithDefault("20")
        int ipFailures();

        @WithDefault("PT15M")
        Duration window();

        /** The first refusal's length; each further failure doubles it, up to the window. */
        @WithDefault("PT30S")
        Duration firstDelay();
    }
}
