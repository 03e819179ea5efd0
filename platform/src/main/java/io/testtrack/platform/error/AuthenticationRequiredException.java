package io.testtrack.platform.error;

/** No valid credentials came with the request. */
public class AuthenticationRequiredException extends DomainException {

    public AuthenticationRequiredException(String detail) {
        super(401, "unauthorized", "Unauthorized", detail);
    }
}
