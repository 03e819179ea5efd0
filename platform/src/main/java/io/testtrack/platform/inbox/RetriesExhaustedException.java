package io.testtrack.platform.inbox;

import java.time.Duration;

/** Why an event is parked whose change kept failing for a moment for longer than the retry limit. */
public class RetriesExhaustedException extends RuntimeException {

    public RetriesExhaustedException(Duration limit, Throwable last) {
        super("the change failed for a moment for longer than " + limit + " (retry limit); last failure: " + last, last);
    }
}
