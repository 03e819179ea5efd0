package io.testtrack.platform.probe;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;

/** A test-only event on the platform's own test topic. */
@EventType(value = "testtrack.platform-test.ProbeRecorded", topic = ProbeRecorded.TOPIC)
public record ProbeRecorded(String aggregate, int seq) implements DomainEvent {

    public static final String TOPIC = "testtrack.platform-test.v1";

    @Override
    public String aggregateId() {
        return aggregate;
    }
}
