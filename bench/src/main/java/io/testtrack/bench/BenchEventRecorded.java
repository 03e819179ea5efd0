package io.testtrack.bench;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventType;

/** The event the outbox bench publishes; its padding makes it about as big as a test case update. */
@EventType(value = "testtrack.bench.BenchEventRecorded", topic = BenchEventRecorded.TOPIC)
public record BenchEventRecorded(String aggregate, long seq, String padding) implements DomainEvent {

    public static final String TOPIC = "testtrack.bench.v1";

    @Override
    public String aggregateId() {
        return aggregate;
    }
}
