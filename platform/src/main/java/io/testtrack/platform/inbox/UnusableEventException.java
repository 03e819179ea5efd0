package io.testtrack.platform.inbox;

/**
 * Thrown by a consumer's change for an event it can never apply (it contradicts what the consumer
 * knows, in a way no retry or restart mends): the event is parked and the consumer goes on.
 */
public class UnusableEventException extends RuntimeException {

    public UnusableEventException(String message) {
        super(message);
    }
}
