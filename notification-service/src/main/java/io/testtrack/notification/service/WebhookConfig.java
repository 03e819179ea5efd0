package io.testtrack.notification.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where webhooks may point, how deliveries are retried, when a webhook gives up. */
@ConfigMapping(prefix = "notification.webhooks")
public interface WebhookConfig {

    /** Whether URLs may resolve to loopback addresses (the local stack and tests). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Whether URLs may resolve to private, link-local, shared or other internal addresses. */
    @WithDefault("false")
    boolean allowPrivate();

    /** How often due deliveries are looked for. */
    @WithDefault("2s")
    String dispatchEvery();

    /** The pause before the first retry; each further one doubles it, up to {@link #longestPause()}. */
    @WithDefault("PT30S")
    Duration firstRetry();

    @WithDefault("PT1H")
    Duration longestPause();

    /** How long a delivery is retried before it is marked FAILED. */
    @WithDefault("PT24H")
    Duration retryFor();

    /** A request's whole time, connection included. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Failed attempts in a row (across deliveries) after which the webhook is disabled and its project's leads told. */
    @WithDefault("20")
    int disableAfter();
}
