package io.testtrack.events;

/**
 * An integration event: a versioned record, named in the past tense, that one service publishes
 * through its outbox. Every implementation carries an {@link EventType} annotation.
 */
public interface DomainEvent {

    /** The id of the aggregate the event is about; it is the Kafka key, so order per aggregate holds. */
    String aggregateId();
}
