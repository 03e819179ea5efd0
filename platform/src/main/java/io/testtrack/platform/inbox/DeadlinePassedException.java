package io.testtrack.platform.inbox;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** A consumer transaction ran past its deadline; a timeout, so it is tried again like any failure of a moment. */
public class DeadlinePassedException extends TimeoutException {

    public DeadlinePassedException(String consumer, Duration deadline) {
        super(consumer + " did not finish its transaction within " + deadline);
    }
}
