package io.testtrack.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.testtrack.events.GlobalRole;
import java.time.Duration;

@ConfigMapping(prefix = "testtrack.auth")
public interface AuthConfig {

    Duration accessTokenLifetime();

    Duration refreshTokenLifetime();

    int bcryptCost();

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
