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

        /**
         * Whether a miss in the projection (an unknown project, a user who is not a member) is
         * checked with auth-service before it becomes a 404, so that a project or a member created
         * a moment ago is usable at once. Needs {@code internal-secret}.
         */
        @WithDefault("true")
        boolean readThrough();
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

        /**
         * The longest one consumer transaction may take. Past it the transaction's connection is
         * closed by PostgreSQL (which rolls it back) and the work is tried again like any
         * transient failure. A poll of a thousand events takes well under a second.
         */
        @WithDefault("60s")
        Duration transactionDeadline();

        /**
         * How long a change that fails for a moment (the database away, a deadlock, a deadline
         * passed) is tried again before its event is parked, or, for a consumer that must not pass
         * an event by, before its channel stops and liveness turns DOWN.
         */
        @WithDefault("3m")
        Duration transientRetryLimit();
    }
}
