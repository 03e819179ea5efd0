package io.testtrack.platform.probe;

import io.testtrack.platform.outbox.RelayCheckpoint;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Lets a test make the relay die once after Kafka acknowledged a batch and before it is marked sent. */
@Alternative
@Priority(1)
@ApplicationScoped
public class KillableCheckpoint implements RelayCheckpoint {

    private final AtomicBoolean armed = new AtomicBoolean();

    public void killNextBatch() {
        armed.set(true);
    }

    public boolean fired() {
        return !armed.get();
    }

    @Override
    public void published(List<Long> outboxIds) {
        if (armed.compareAndSet(true, false)) {
            throw new IllegalStateException("relay killed between publishing and marking " + outboxIds.size() + " rows");
        }
    }
}
