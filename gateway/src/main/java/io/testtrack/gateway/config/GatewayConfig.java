package io.testtrack.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * Base URLs of each downstream service's replicas, by name (auth, testcase, execution, defect,
     * analytics, notification), comma-separated: requests and WebSockets take them in turn.
     */
    Map<String, List<URI>> services();

    /** The secret presented to auth-service's internal API-token exchange. */
    String internalSecret();

    Limits limits();

    RateLimit rateLimit();

    /**
     * How long the gateway trusts what it read of a user's session generation (raised by logout
     * everywhere, a password reset or change, deactivation, a role change) before reading it
     * again: the longest a revoked access token still passes.
     */
    @WithDefault("PT1S")
    Duration revocationRecheck();

    /**
     * The proxies in front of the gateway whose X-Forwarded-For is believed (addresses or CIDR
     * ranges); the client is the first hop from the right that is none of them.
     */
    @WithDefault("127.0.0.1,::1")
    java.util.List<String> trustedProxies();

    /** Where the built web UI lives; without it only the API is served. */
    Optional<String> webUiDirectory();

    interface Limits {
        /** Largest JSON body, in bytes (1 MB). */
        @WithDefault("1048576")
        long jsonBody();

        /** Largest CI import, in bytes (200 MB). */
        @WithDefault("209715200")
        long importBody();

        /** How long a downstream may stay silent while answering an API request (whole seconds). */
        @WithDefault("PT60S")
        Duration downstreamTimeout();

        /** The same for the import routes, which parse and store large files before they answer. */
        @WithDefault("PT10M")
        Duration importTimeout();
    }

    interface RateLimit {
        @WithDefault("PT1M")
        Duration window();

        /** Requests per window for one user or API token. */
        @WithDefault("1200")
        long perPrincipal();

        /** Requests per window from one client address. */
        @WithDefault("2400")
        long perAddress();

        /** Requests per window from one client address to /api/auth (logins, registrations, resets). */
        @WithDefault("60")
        long authPerAddress();

        /**
         * How often the gateway adds its counts to the shared ones in Redis and learns the totals.
         * With several gateways, each may admit what the others counted in one such interval
         * beyond a limit.
         */
        @WithDefault("PT0.1S")
        Duration syncInterval();
    }
}
