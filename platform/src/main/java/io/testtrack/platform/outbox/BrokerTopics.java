package io.testtrack.platform.outbox;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A topic's name on the broker: the catalog's name behind {@code testtrack.kafka.topic-prefix}.
 * The stack and production use no prefix; the tests use {@code test.}, so that tests run on a
 * developer's machine never share a topic with the local stack on the same broker (neither the
 * stack ingesting test events nor the tests consuming the stack's).
 */
public final class BrokerTopics {

    public static final String PREFIX_PROPERTY = "testtrack.kafka.topic-prefix";

    private BrokerTopics() {
    }

    /** The prefix of the running configuration, empty when none is set. */
    public static String prefix() {
        return ConfigProvider.getConfig().getOptionalValue(PREFIX_PROPERTY, String.class).orElse("");
    }

    public static String onBroker(String topic) {
        return prefix() + topic;
    }
}
