package io.testtrack.platform.error;

/** The request clashes with the current state: a duplicate key, a stale version, a forbidden transition. */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(409, "conflict", "Conflict", detail);
    }
}
