package io.testtrack.platform.error;

/** The caller is known but their role does not allow this action. */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
