package io.testtrack.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service shares; each service names itself and its schema. */
@ConfigMapping(prefix = "testtrack")
public interface PlatformConfig {

    /** The service's name, used as the CloudEvents source, for example {@code auth-service}. */
    String service();

    /** The PostgreSQL schema the service owns. */
    String schema();

    /** The secret the gateway presents on internal calls (auth-service's API-token exchange). */
    java.util.Optional<String> internalSecret();

    Outbox outbox();

    Inbox inbox();

    Kafka kafka();

    AccessProjection accessProjection();

    interface AccessProjection {
        /** Connections of ProjectionPool, apart from the application's pool. */
        @WithDefault("4")
        int poolSize();
    }

    interface Kafka {
        /** Put before every topic's name on the broker; the test profile sets {@code test.}, so tests never share a topic with a local stack. */
        java.util.Optional<String> topicPrefix();
    }

    interface Outbox {
        /** Whether this instance runs the relay at all. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Rows published per transaction. */
        @WithDefault("500")
        int batchSize();

        /** Fallback poll when no NOTIFY arrives. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** How long published rows are kept before the relay deletes them. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Inbox {
        /** How long processed event ids are remembered; longer than the topics' retention. */
        @WithDefault("P14D")
        Duration retention();
    }
}
