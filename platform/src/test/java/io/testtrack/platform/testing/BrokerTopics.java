package io.testtrack.platform.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A topic's name on the broker as the test profile has it: the catalog's name behind
 * {@code testtrack.kafka.topic-prefix} ({@code test.}), as the outbox relay publishes it, so that
 * tests never share a topic with a local stack on the same broker. For the test publisher and
 * wire tap, which run outside CDI.
 */
public final class BrokerTopics {

    private BrokerTopics() {
    }

    public static String onBroker(String topic) {
        return ConfigProvider.getConfig().getOptionalValue("testtrack.kafka.topic-prefix", String.class).orElse("") + topic;
    }
}
