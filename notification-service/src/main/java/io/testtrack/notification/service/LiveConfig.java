package io.testtrack.notification.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The WebSocket protocol's limits and the fan-out's Redis names. */
@ConfigMapping(prefix = "notification.live")
public interface LiveConfig {

    /** How long a new socket may take to send its auth message before it is closed (4401). */
    @WithDefault("PT10S")
    Duration authTimeout();

    /** Messages one socket may send per second; twice as many within a second close it (4429). */
    @WithDefault("20")
    int messagesPerSecond();

    /** The Redis pub/sub channel every instance publishes live messages to and listens on. */
    @WithDefault("testtrack.live")
    String busChannel();

    /** How often open sockets are checked against ended sessions (logout everywhere, password reset). */
    @WithDefault("2s")
    String revocationRecheck();

    /** Prefix of the Redis hashes that hold who is present in which run. */
    @WithDefault("testtrack:presence:")
    String presencePrefix();
}
