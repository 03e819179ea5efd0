package io.testtrack.platform.error;

/** The resource does not exist, or the caller may not know that it does (404, not 403, outside a project). */
public class ResourceNotFoundException extends DomainException {

    public ResourceNotFoundException(String detail) {
        super(404, "not-found", "Not found", detail);
    }
}
