package io.testtrack.platform.outbox;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Called by the relay after a batch is acknowledged by Kafka and before it is marked sent. The
 * default does nothing; tests replace it to simulate a relay that dies at exactly that point.
 */
public interface RelayCheckpoint {

    void published(List<Long> outboxIds);

    @ApplicationScoped
    @DefaultBean
    class None implements RelayCheckpoint {
        @Override
        public void published(List<Long> outboxIds) {
            // nothing between publishing and marking in normal operation
        }
    }
}
