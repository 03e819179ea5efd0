package io.testtrack.platform.error;

import io.testtrack.common.Problem;

/**
 * A failure the client can act on. Subclasses fix the HTTP status and problem type; the message
 * is shown to the client as {@code detail}, so it never carries internals.
 */
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;

    protected DomainException(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type, for example {@code not-found}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** Response headers the problem needs, such as {@code Retry-After}. */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    /** The offending fields of a bad request, when the problem is about particular ones. */
    public java.util.List<Problem.FieldError> errors() {
        return java.util.List.of();
    }

    /** Extension members of the problem (RFC 9457 section 3.2), such as the current version on a stale update. */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }
}
