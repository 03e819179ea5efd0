package io.testtrack.platform.error;

/** The request body is over the limit for its route. */
public class PayloadTooLargeException extends DomainException {

    public PayloadTooLargeException(String detail) {
        super(413, "payload-too-large", "Payload too large", detail);
    }
}
