package io.testtrack.platform.error;

import java.time.Duration;
import java.util.Map;

/** The caller must wait; {@code Retry-After} says how long, in seconds. */
public class TooManyRequestsException extends DomainException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(429, "too-many-requests", "Too many requests", detail);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
