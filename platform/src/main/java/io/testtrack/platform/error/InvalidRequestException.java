package io.testtrack.platform.error;

/** The request is well-formed but its content breaks a rule that Bean Validation cannot express. */
public class InvalidRequestException extends DomainException {

    public InvalidRequestException(String detail) {
        super(400, "invalid-request", "Invalid request", detail);
    }
}
